from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output, replace_dir


def test_success_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text("old")
    with atomic_output(target) as temp:
        assert temp.parent == tmp_path
        assert temp.name.startswith(".out.xlsx.tmp-")
        assert temp.suffix == ".xlsx"
        assert temp.exists()
        temp.write_text("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["out.xlsx"]


def test_exception_deletes_the_temp_file_and_keeps_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(KeyError), atomic_output(target) as temp:
        temp.write_text("half")
        raise KeyError("boom")
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["out.csv"]


def test_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o640)
    with atomic_output(target) as temp:
        temp.write_text("new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_missing_output_folder_is_an_input_error(tmp_path: Path) -> None:
    with (
        pytest.raises(InputError, match="output folder does not exist"),
        atomic_output(tmp_path / "nope" / "out.csv"),
    ):
        pass


def test_replace_dir_swaps_in_the_new_folder_and_leaves_nothing_aside(tmp_path: Path) -> None:
    target, staged = tmp_path / "best_hf", tmp_path / ".best_hf.new"
    target.mkdir()
    (target / "model.safetensors").write_text("old", encoding="utf-8")
    staged.mkdir()
    (staged / "model.safetensors").write_text("new", encoding="utf-8")
    assert replace_dir(staged, target) == target
    assert (target / "model.safetensors").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["best_hf"]


def test_replace_dir_creates_the_target_and_clears_a_leftover_from_an_interruption(
    tmp_path: Path,
) -> None:
    target, staged = tmp_path / "out", tmp_path / "staged"
    (tmp_path / ".out.old").mkdir()  # an earlier run stopped between the two renames
    staged.mkdir()
    (staged / "a").write_text("1", encoding="utf-8")
    replace_dir(staged, target)
    assert (target / "a").is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["out"]
