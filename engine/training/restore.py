"""Rebuild a trainable Hugging Face Marian directory from a Polyshelf model directory."""

from __future__ import annotations

from pathlib import Path

from polyshelf.errors import ModelError
from polyshelf.models.compact_weights import COMPACT_NAME, load_compact
from polyshelf.models.export import HF_CONFIG_NAME
from polyshelf.models.manifest import ModelManifest
from polyshelf.training.marian import save_hf_model


def restore_hf_dir(model_dir: Path, manifest: ModelManifest, out_dir: Path) -> Path:
    import torch
    from transformers import MarianConfig, MarianMTModel

    needed = [model_dir / n for n in (COMPACT_NAME, HF_CONFIG_NAME, "vocab.json")]
    missing = [p.name for p in needed if not p.is_file()]
    if manifest.family != "marian" or missing:
        raise ModelError(
            f"model {manifest.model_id} cannot be fine-tuned: it has no trainable Marian weights"
            + (f" (missing {', '.join(missing)})" if missing else "")
        )
    model = MarianMTModel(MarianConfig.from_json_file(str(model_dir / HF_CONFIG_NAME)))
    # Sinusoidal position tables are computed, not learned: keep the exact ones.
    state = {
        name: torch.from_numpy(values)
        for name, values in load_compact(model_dir / COMPACT_NAME).items()
        if "embed_positions" not in name
    }
    model.load_state_dict(state, strict=False)
    model.tie_weights()
    save_hf_model(
        model,
        model_dir / manifest.source_spm,
        model_dir / "vocab.json",
        out_dir,
        manifest.source,
        manifest.targets[0],
    )
    return out_dir
