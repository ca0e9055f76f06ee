"""The manifest every Polyshelf model directory carries (`polyshelf-model.json`)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from polyshelf.errors import ModelError

MANIFEST_NAME = "polyshelf-model.json"


@dataclass(frozen=True)
class ModelManifest:
    name: str  # registry name, e.g. "en-de"
    version: str  # e.g. "1"; versions of one name sort naturally
    source: str  # source language code
    targets: tuple[str, ...]  # target language codes this model translates into
    family: str = "marian"  # selects the MT backend (polyshelf.mt.backend registry)
    source_spm: str = "source.spm"
    target_spm: str = "target.spm"
    lang_codes: dict[str, str] = field(default_factory=dict)  # nllb/m2m100 language tokens
    placeholders: bool = False  # trained to copy ⟦N⟧ placeholder tokens
    card: dict[str, Any] = field(default_factory=dict)

    @property
    def model_id(self) -> str:
        return f"{self.name}@{self.version}"

    def to_json(self) -> str:
        data = asdict(self)
        data["targets"] = list(self.targets)
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)

    def write(self, model_dir: Path) -> None:
        (model_dir / MANIFEST_NAME).write_text(self.to_json() + "\n", encoding="utf-8")
        (model_dir / "README.md").write_text(render_card(self), encoding="utf-8")


def read_manifest(model_dir: Path) -> ModelManifest:
    path = Path(model_dir) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ModelError(f"{model_dir} is not a Polyshelf model (no {MANIFEST_NAME})") from exc
    except (OSError, json.JSONDecodeError) as exc:
        raise ModelError(f"{path}: unreadable manifest ({exc})") from exc
    try:
        manifest = ModelManifest(
            name=str(data["name"]),
            version=str(data["version"]),
            source=str(data["source"]),
            targets=tuple(str(t) for t in data["targets"]),
            family=str(data.get("family", "marian")),
            source_spm=str(data.get("source_spm", "source.spm")),
            target_spm=str(data.get("target_spm", "target.spm")),
            lang_codes={str(k): str(v) for k, v in data.get("lang_codes", {}).items()},
            placeholders=bool(data.get("placeholders", False)),
            card=dict(data.get("card", {})),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: missing or bad field {exc}") from exc
    return manifest


def render_card(manifest: ModelManifest) -> str:
    """The model card as Markdown, generated from the manifest so the two never disagree."""
    lines = [
        f"# {manifest.model_id}",
        "",
        f"- translates: {manifest.source} → {', '.join(manifest.targets)}",
        f"- family: {manifest.family} (CTranslate2)",
        f"- placeholder-aware: {'yes' if manifest.placeholders else 'no'}",
    ]
    for key, value in manifest.card.items():
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)
        lines.append(f"- {key.replace('_', ' ')}: {value}")
    return "\n".join(lines) + "\n"
