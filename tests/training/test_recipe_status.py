"""`--status` reads a recipe's records and says how far each stage is."""

from __future__ import annotations

import json
from pathlib import Path

from polyshelf.training.recipe_status import blend_line, shipped_line, train_stage_line
from polyshelf.training.trainer import STATE_NAME, TrainConfig


def _state(work: Path, bleus: list[float], bad_epochs: int, devices: list[str]) -> None:
    work.mkdir(parents=True)
    history = [
        {"epoch": i + 1, "dev_bleu": bleu, "seconds": 600.0, "device": device}
        for i, (bleu, device) in enumerate(zip(bleus, devices, strict=True))
    ]
    state = {
        "epoch": len(bleus),
        "step": 100 * len(bleus),
        "best_bleu": max(bleus),
        "bad_epochs": bad_epochs,
        "history": history,
        "wall_seconds": 600.0 * len(bleus),
    }
    (work / STATE_NAME).write_text(json.dumps(state), encoding="utf-8")


def _config(work: Path) -> TrainConfig:
    return TrainConfig("en", "de", work, max_epochs=10, patience=2)


def test_a_stage_that_has_not_run_says_so(tmp_path: Path) -> None:
    assert train_stage_line("base", _config(tmp_path / "base")).endswith("not started")
    assert blend_line(tmp_path / "blend").endswith("not run")
    assert "none in" in shipped_line(tmp_path / "shipped" / "en-de")
    (tmp_path / "base" / "vocab").mkdir(parents=True)
    assert train_stage_line("base", _config(tmp_path / "base")).endswith("no epoch finished yet")


def test_a_running_stage_gives_epochs_time_best_and_where_it_resumes(tmp_path: Path) -> None:
    _state(tmp_path / "base", [10.0, 14.5, 13.0], bad_epochs=1, devices=["cuda", "cpu", "cpu"])
    line = train_stage_line("base", _config(tmp_path / "base"))
    assert "3 epochs in 30 min (cpu, cuda)" in line
    assert "best dev BLEU 14.50 at epoch 2, last 13.00" in line
    assert line.endswith("resumes at epoch 4 of at most 10")


def test_a_stage_is_done_on_early_stop_or_the_epoch_limit(tmp_path: Path) -> None:
    _state(tmp_path / "a", [10.0, 12.0, 11.0, 11.5], bad_epochs=2, devices=["cpu"] * 4)
    assert train_stage_line("base", _config(tmp_path / "a")).endswith("done (no gain in 2 epochs)")
    _state(tmp_path / "b", [float(i) for i in range(10)], bad_epochs=0, devices=["cpu"] * 10)
    line = train_stage_line("catalog", _config(tmp_path / "b"))
    assert "10 epochs in 1 h 40 min" in line and line.endswith("done (10 epochs)")


def test_blend_and_shipped_lines_read_their_records(tmp_path: Path) -> None:
    from polyshelf.settings import SHIPPED_MODELS
    from polyshelf.training.blend import RECORD_NAME

    (tmp_path / "blend").mkdir()
    record = {"weight": 0.8, "dev_bleu": 30.456, "scores": {}}
    (tmp_path / "blend" / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
    assert blend_line(tmp_path / "blend").endswith("catalog weight 0.8, mean dev BLEU 30.46")
    assert shipped_line(SHIPPED_MODELS / "en-de").startswith("shipped  en-de@")
