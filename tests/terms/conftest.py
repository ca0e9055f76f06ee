"""A project folder with its own glossaries; the user data dir isolated from the machine's."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.settings import Settings


@pytest.fixture
def term_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "userdata"))
    project = tmp_path / "shop"
    (project / "glossaries" / "attributes").mkdir(parents=True)
    return project


@pytest.fixture
def term_settings(term_project: Path) -> Settings:
    return Settings.from_env(term_project)
