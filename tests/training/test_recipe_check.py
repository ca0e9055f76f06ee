"""`make models` end to end on slices: every stage runs and ships a loadable model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="needs the train extra")

from polyshelf.models.manifest import read_manifest
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend
from tests.conftest import CORPORA


def test_recipe_runs_every_stage_and_ships_into_the_given_dir(tmp_path: Path) -> None:
    if not (CORPORA / "multi30k").is_dir() or not (CORPORA / "ikea").is_dir():
        pytest.skip("../shared/corpora not present")
    env = {
        **os.environ,
        "POLYSHELF_CORPORA": str(CORPORA),
        "POLYSHELF_RECIPE_SMOKE": "60",
        "POLYSHELF_RECIPE_WORK": str(tmp_path / "work"),
        "POLYSHELF_SHIP_DIR": str(tmp_path / "shipped"),
    }
    command = [sys.executable, "-m", "polyshelf.training.defaults", "--pair", "en-de"]
    done = subprocess.run(
        [*command, "--stage", "all", "--force", "--no-product-eval"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    model_dir = tmp_path / "shipped" / "en-de"
    card = read_manifest(model_dir).card
    assert list(card["stages"]) == ["base", "catalog", "blend"]
    assert card["final_stage"] == "blend"
    assert card["device"] == "cpu" and card["stages"]["base"]["devices"] == ["cpu"]
    assert "smoke_check" in card and "quantization_check" in card
    assert set(card["stages"]["blend"]["scores"]["1"]) == {"ikea_val", "multi30k_val", "mean"}
    assert "without_catalog_finetuning" in card["ikea_val"]
    backend = CTranslate2Backend(read_manifest(model_dir), model_dir, device="cpu")
    assert len(backend.translate(["A dog runs."], "de", TranslateOptions())) == 1
    # A finished recipe reruns without training again: every stage resumes from its record.
    again = subprocess.run(
        [*command, "--stage", "blend"], env=env, capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0 and "catalog weight" in again.stdout
