"""Find model directories (project, user data dir, shipped package data) and pick one per pair."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from polyshelf.errors import ModelError
from polyshelf.models.manifest import MANIFEST_NAME, ModelManifest, read_manifest
from polyshelf.settings import Settings

DEFAULTS_FILE = "defaults.json"  # {"en-de": "en-de-shop@2"}: promoted models, per models root


@dataclass(frozen=True)
class ModelEntry:
    manifest: ModelManifest
    path: Path
    origin: str  # project | path | user | shipped

    @property
    def model_id(self) -> str:
        return self.manifest.model_id


def _version_key(version: str) -> tuple[tuple[int, object], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-]", version))


def _model_dirs(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    found = []
    for manifest in sorted(root.glob(f"*/{MANIFEST_NAME}")) + sorted(
        root.glob(f"*/*/{MANIFEST_NAME}")
    ):
        found.append(manifest.parent)
    return found


class ModelRegistry:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.problems: list[str] = []  # directories with a manifest that does not read
        self._entries: list[ModelEntry] | None = None

    def entries(self) -> list[ModelEntry]:
        if self._entries is None:
            entries = []
            for origin, root in self.settings.model_roots:
                for path in _model_dirs(root):
                    try:
                        entries.append(ModelEntry(read_manifest(path), path, origin))
                    except ModelError as exc:
                        self.problems.append(str(exc))
            self._entries = entries
        return self._entries

    def promoted(self) -> dict[str, str]:
        """Pair → model id promoted as default (project file wins over user file)."""
        result: dict[str, str] = {}
        for _, root in reversed(self.settings.model_roots):
            path = root / DEFAULTS_FILE
            if path.is_file():
                try:
                    result.update(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, json.JSONDecodeError) as exc:
                    self.problems.append(f"{path}: unreadable ({exc})")
        return result

    def pairs(self) -> list[str]:
        return sorted(
            {f"{e.manifest.source}-{t}" for e in self.entries() for t in e.manifest.targets}
        )

    def find(self, model: str) -> ModelEntry:
        """By path, `name@version`, or `name` (its highest version)."""
        as_path = Path(model)
        if (as_path / MANIFEST_NAME).is_file():
            return ModelEntry(read_manifest(as_path), as_path.resolve(), "path")
        name, _, version = model.partition("@")
        candidates = [e for e in self.entries() if e.manifest.name == name]
        if version:
            candidates = [e for e in candidates if e.manifest.version == version]
        if not candidates:
            known = ", ".join(sorted({e.model_id for e in self.entries()})) or "none"
            raise ModelError(f"no model {model!r}; available: {known}")
        return max(candidates, key=lambda e: _version_key(e.manifest.version))

    def for_pair(self, source: str, target: str, model: str | None = None) -> ModelEntry:
        if model:
            entry = self.find(model)
            if entry.manifest.source != source or target not in entry.manifest.targets:
                raise ModelError(
                    f"model {entry.model_id} translates {entry.manifest.source}→"
                    f"{','.join(entry.manifest.targets)}, not {source}→{target}"
                )
            return entry
        pair = f"{source}-{target}"
        if pair in self.promoted():
            return self.find(self.promoted()[pair])
        candidates = [
            e
            for e in self.entries()
            if e.manifest.source == source and target in e.manifest.targets
        ]
        if not candidates:
            available = ", ".join(self.pairs()) or "none"
            raise ModelError(f"no model for {source}→{target}; available pairs: {available}")
        # Nearest origin first (a project's model beats the shipped one), then a model named
        # after the pair, then the highest version.
        origin_rank = {"project": 0, "path": 1, "user": 2, "shipped": 3}
        best_origin = min(origin_rank[e.origin] for e in candidates)
        nearest = [e for e in candidates if origin_rank[e.origin] == best_origin]
        named = [e for e in nearest if e.manifest.name == pair] or nearest
        return max(named, key=lambda e: _version_key(e.manifest.version))

    def promote(self, entry: ModelEntry, pair: str, root: Path | None = None) -> Path:
        """Record entry as the default model for pair in root's defaults file."""
        from polyshelf.fileio import atomic_output

        root = root or self.settings.data_dir / "models"
        root.mkdir(parents=True, exist_ok=True)
        path = root / DEFAULTS_FILE
        current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        current[pair] = entry.model_id
        with atomic_output(path) as tmp:
            tmp.write_text(json.dumps(current, indent=2) + "\n", encoding="utf-8")
        return path
