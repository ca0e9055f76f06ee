from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file, save_file

from polyshelf.errors import ModelError
from polyshelf.training.blend import blend_hf_dirs, choose_blend


def _hf_dir(path: Path, weight: np.ndarray, ids: np.ndarray | None = None) -> Path:
    path.mkdir(parents=True)
    tensors = {"layer.weight": weight}
    if ids is not None:
        tensors["position_ids"] = ids
    save_file(tensors, str(path / "model.safetensors"))
    (path / "config.json").write_text("{}", encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    ids = np.arange(3, dtype=np.int64)
    base = _hf_dir(tmp_path / "base", np.zeros((2, 3), dtype=np.float32), ids)
    tuned = _hf_dir(tmp_path / "tuned", np.full((2, 3), 4.0, dtype=np.float32), ids)
    return base, tuned


@pytest.mark.parametrize(("weight", "expected"), [(0.0, 0.0), (0.25, 1.0), (1.0, 4.0)])
def test_blend_interpolates_float_tensors(
    pair: tuple[Path, Path], tmp_path: Path, weight: float, expected: float
) -> None:
    out = blend_hf_dirs(*pair, weight, tmp_path / "out")
    tensors = load_file(str(out / "model.safetensors"))
    assert np.allclose(tensors["layer.weight"], expected)
    assert tensors["layer.weight"].dtype == np.float32
    assert tensors["position_ids"].tolist() == [0, 1, 2]  # integer tensors are not averaged
    assert (out / "config.json").is_file()


def test_blend_refuses_different_architectures(pair: tuple[Path, Path], tmp_path: Path) -> None:
    other = _hf_dir(tmp_path / "other", np.zeros((3, 3), dtype=np.float32))
    with pytest.raises(ModelError, match="different architectures"):
        blend_hf_dirs(pair[0], other, 0.5, tmp_path / "out")
    with pytest.raises(ModelError, match=r"within 0\.\.1"):
        blend_hf_dirs(*pair, 1.5, tmp_path / "out")


def test_choose_blend_keeps_best_weight_and_reuses_its_record(
    pair: tuple[Path, Path], tmp_path: Path
) -> None:
    calls: list[float] = []

    def evaluate(hf_dir: Path, pairs: list[tuple[str, str]]) -> float:
        value = float(load_file(str(hf_dir / "model.safetensors"))["layer.weight"][0, 0])
        calls.append(value)
        # The in-domain set likes the tuned model, the general one the base: the mean of the
        # two peaks at weight 0.75 although the in-domain set alone would pick 1.0.
        return 10.0 + value if pairs[0][0] == "shop" else 20.0 - 2.0 * max(value - 3.0, 0.0)

    work = tmp_path / "blend"
    dev = {"ikea": [("shop", "x")], "general": [("a", "b")]}
    result = choose_blend(*pair, dev, evaluate, work, (1.0, 0.75, 0.5), log=lambda _: None)
    assert result.weight == 0.75
    assert result.scores["1"] == {"ikea": 14.0, "general": 18.0, "mean": 16.0}
    assert result.scores["0.75"]["mean"] == 16.5
    assert set(result.scores) == {"1", "0.75", "0.5"}
    best = load_file(str(work / "best_hf" / "model.safetensors"))["layer.weight"]
    assert np.allclose(best, 3.0)
    assert json.loads((work / "blend.json").read_text())["weight"] == 0.75
    assert not (work / "candidate_hf").exists()
    calls.clear()
    again = choose_blend(*pair, dev, evaluate, work, (1.0, 0.5), log=lambda _: None)
    assert again == result and calls == []
