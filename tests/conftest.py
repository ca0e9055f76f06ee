"""Shared fixtures: isolated settings (no user models) and fake MT models."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.fakes as fakes
from polyshelf.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SAMPLE_XLSX = REPO / "engine" / "samples" / "sample_catalog.xlsx"
CORPORA = REPO.parent / "shared" / "corpora"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project dir with a fake en→de/fr model; user data dir isolated from the machine's."""
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.delenv("POLYSHELF_MODEL_PATH", raising=False)
    monkeypatch.chdir(tmp_path)
    fakes.write_fake_model(tmp_path / "models")
    fakes.FakeBackend.calls = []
    return tmp_path


@pytest.fixture
def settings(project: Path) -> Settings:
    return Settings.from_env(project)
