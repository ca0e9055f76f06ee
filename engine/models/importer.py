"""`polyshelf models import`: a local Hugging Face Marian/NLLB/M2M100 model → CTranslate2 model.

Fixed sequence: find the files (never downloading), check everything and report every problem at
once, convert (with quantization), then write the manifest. Needs the `train` extra (torch).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from polyshelf.errors import ModelError
from polyshelf.models.export import convert_to_ct2
from polyshelf.models.manifest import ModelManifest

# ISO 639-1 → NLLB-200 language tokens for the languages shops ask for most.
NLLB_CODES = {
    "en": "eng_Latn",
    "de": "deu_Latn",
    "fr": "fra_Latn",
    "es": "spa_Latn",
    "it": "ita_Latn",
    "nl": "nld_Latn",
    "pt": "por_Latn",
    "pl": "pol_Latn",
    "cs": "ces_Latn",
    "sv": "swe_Latn",
    "da": "dan_Latn",
    "fi": "fin_Latn",
    "nb": "nob_Latn",
    "ja": "jpn_Jpan",
    "zh": "zho_Hans",
    "ko": "kor_Hang",
    "tr": "tur_Latn",
    "ru": "rus_Cyrl",
    "uk": "ukr_Cyrl",
    "ar": "arb_Arab",
    "he": "heb_Hebr",
    "ro": "ron_Latn",
    "hu": "hun_Latn",
    "el": "ell_Grek",
}


@dataclass(frozen=True)
class ImportPlan:
    hf_dir: Path
    family: str
    source: str
    targets: tuple[str, ...]
    source_spm: str
    target_spm: str
    lang_codes: dict[str, str]


def locate(model: str) -> Path:
    """A local directory, or a hub id already in the local Hugging Face cache (no download)."""
    path = Path(model).expanduser()
    if path.is_dir():
        return path
    if "/" in model and not path.exists():
        try:
            from huggingface_hub import snapshot_download

            return Path(snapshot_download(model, local_files_only=True))
        except Exception as exc:
            raise ModelError(
                f"{model} is not a directory and not in the local Hugging Face cache; "
                f"download it first (huggingface-cli download {model}), Polyshelf never does"
            ) from exc
    raise ModelError(f"model directory not found: {model}")


def plan_import(hf_dir: Path, source: str | None, targets: tuple[str, ...]) -> ImportPlan:
    problems: list[str] = []
    try:
        config = json.loads((hf_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{hf_dir}: no readable config.json ({exc})") from exc
    tok_config_path = hf_dir / "tokenizer_config.json"
    tok_config = (
        json.loads(tok_config_path.read_text(encoding="utf-8")) if tok_config_path.is_file() else {}
    )
    model_type = config.get("model_type")
    tokenizer_class = str(tok_config.get("tokenizer_class", ""))
    if model_type == "marian":
        family, src_spm, tgt_spm = "marian", "source.spm", "target.spm"
        source = source or tok_config.get("source_lang")
        targets = targets or ((tok_config["target_lang"],) if tok_config.get("target_lang") else ())
    elif model_type == "m2m_100" and "Nllb" in tokenizer_class:
        family, src_spm, tgt_spm = "nllb", "sentencepiece.bpe.model", "sentencepiece.bpe.model"
    elif model_type == "m2m_100":
        family, src_spm, tgt_spm = "m2m100", "sentencepiece.bpe.model", "sentencepiece.bpe.model"
    else:
        raise ModelError(
            f"{hf_dir}: model type {model_type!r} is not supported (Marian, NLLB, M2M100)"
        )
    for name in {src_spm, tgt_spm}:
        if not (hf_dir / name).is_file():
            problems.append(f"missing tokenizer file {name}")
    if not source:
        problems.append("source language unknown: pass --src")
    if not targets:
        problems.append("target language(s) unknown: pass --tgt")
    lang_codes: dict[str, str] = {}
    if family == "nllb":
        for lang in [source, *targets]:
            if lang and lang not in NLLB_CODES:
                problems.append(f"no NLLB language code known for {lang!r}")
            elif lang:
                lang_codes[lang] = NLLB_CODES[lang]
    if problems:
        raise ModelError(f"cannot import {hf_dir}: " + "; ".join(problems))
    assert source is not None
    return ImportPlan(hf_dir, family, source, tuple(targets), src_spm, tgt_spm, lang_codes)


def import_model(
    model: str,
    out_root: Path,
    *,
    name: str | None = None,
    version: str = "1",
    source: str | None = None,
    targets: tuple[str, ...] = (),
    quantization: str = "int8",
) -> tuple[ModelManifest, Path]:
    hf_dir = locate(model)
    plan = plan_import(hf_dir, source, targets)
    name = name or f"{plan.source}-{'-'.join(plan.targets)}-{hf_dir.name}".lower()
    out_dir = out_root / name / version
    if out_dir.exists():
        raise ModelError(f"{out_dir} exists already; choose another --name or --version")
    convert_to_ct2(hf_dir, out_dir, quantization)
    shutil.copy(hf_dir / plan.source_spm, out_dir / "source.spm")
    shutil.copy(hf_dir / plan.target_spm, out_dir / "target.spm")
    manifest = ModelManifest(
        name=name,
        version=version,
        source=plan.source,
        targets=plan.targets,
        family=plan.family,
        lang_codes=plan.lang_codes,
        placeholders=False,
        card={"imported_from": str(model), "quantization": quantization},
    )
    manifest.write(out_dir)
    return manifest, out_dir
