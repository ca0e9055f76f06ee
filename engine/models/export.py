"""Convert a Hugging Face seq2seq model directory into a Polyshelf CTranslate2 model directory."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from polyshelf.errors import MissingExtraError, ModelError
from polyshelf.fileio import replace_dir
from polyshelf.models.manifest import ModelManifest

HF_CONFIG_NAME = "hf-config.json"


def convert_to_ct2(hf_dir: Path, out_dir: Path, quantization: str | None = "int8") -> None:
    """Run CTranslate2's converter into a temp dir, then move it into place (needs torch)."""
    try:
        import torch  # noqa: F401
        import transformers  # noqa: F401
    except ImportError as exc:
        raise MissingExtraError("torch/transformers", "train") from exc
    from ctranslate2.converters import TransformersConverter

    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        TransformersConverter(str(hf_dir)).convert(str(tmp), quantization=quantization, force=True)
    except Exception as exc:  # the converter raises many types; report them as one
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(f"conversion of {hf_dir} failed: {exc}") from exc
    replace_dir(tmp, out_dir)


def export_marian(
    hf_dir: Path, out_dir: Path, manifest: ModelManifest, quantization: str | None = "int8"
) -> Path:
    """A trained Marian model → CTranslate2 files + tokenizer files + manifest and card."""
    convert_to_ct2(hf_dir, out_dir, quantization)
    for name in ("source.spm", "target.spm"):
        shutil.copy(hf_dir / name, out_dir / name)
    add_finetune_files(hf_dir, out_dir)
    manifest.write(out_dir)
    return out_dir


def add_finetune_files(hf_dir: Path, out_dir: Path) -> None:
    """What fine-tuning needs to rebuild the trainable model (CTranslate2 owns config.json)."""
    from safetensors.torch import load_file

    from polyshelf.models.compact_weights import COMPACT_NAME, save_compact

    shutil.copy(hf_dir / "vocab.json", out_dir / "vocab.json")
    shutil.copy(hf_dir / "config.json", out_dir / HF_CONFIG_NAME)
    save_compact(load_file(str(hf_dir / "model.safetensors")), out_dir / COMPACT_NAME)
