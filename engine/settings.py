"""One typed settings object, built once by a shell (CLI or desktop app) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_data_dir

SHIPPED_MODELS = Path(__file__).resolve().parent / "shipped_models"


@dataclass(frozen=True)
class Settings:
    project_dir: Path = field(default_factory=Path.cwd)
    data_dir: Path = field(default_factory=lambda: Path(user_data_dir("polyshelf", "polyshelf")))
    extra_model_dirs: tuple[Path, ...] = ()
    device: str = "auto"
    compute_type: str | None = None
    threads: int = 0

    @classmethod
    def from_env(cls, project_dir: Path | None = None, **overrides: object) -> Settings:
        """Defaults, then POLYSHELF_* environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        if project_dir is not None:
            values["project_dir"] = Path(project_dir)
        if data_dir := os.environ.get("POLYSHELF_DATA_DIR"):
            values["data_dir"] = Path(data_dir)
        if extra := os.environ.get("POLYSHELF_MODEL_PATH"):
            values["extra_model_dirs"] = tuple(Path(p) for p in extra.split(os.pathsep) if p)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def model_roots(self) -> list[tuple[str, Path]]:
        """Where models are looked for, first match wins: project, extra, user, shipped."""
        roots = [("project", self.project_dir / "models")]
        roots += [("path", p) for p in self.extra_model_dirs]
        roots += [("user", self.data_dir / "models"), ("shipped", SHIPPED_MODELS)]
        return roots
