from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output


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
