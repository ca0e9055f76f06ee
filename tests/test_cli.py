"""The CLI: every bad input is one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from polyshelf.cli.main import main
from tests.conftest import REPO, SAMPLE_XLSX

HOSTILE = REPO / "bench" / "make_hostile_catalogs.py"


def one_line_error(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    code = main(argv)
    err = capsys.readouterr().err.strip()
    assert code == 2, err
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("polyshelf: error:")
    return err


@pytest.mark.usefixtures("project")
def test_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(capsys, ["translate", "nope.xlsx", "--to", "de"])
    assert "nope.xlsx" in err


@pytest.mark.usefixtures("project")
def test_missing_column(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(
        capsys,
        ["translate", str(SAMPLE_XLSX), "--to", "de", "--columns", "Nmae", "--out", "o.xlsx"],
    )
    assert "Nmae" in err and "Name" in err


@pytest.mark.usefixtures("project")
def test_locale_without_model(capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(capsys, ["translate", str(SAMPLE_XLSX), "--to", "xx", "--out", "o.xlsx"])
    assert "en→xx" in err and "available" in err


def test_hostile_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each hostile catalog gives neutralized output or one clean error line."""
    hostile = project / "hostile"
    subprocess.run(
        [sys.executable, str(HOSTILE), "--out", str(hostile)], check=True, capture_output=True
    )
    files = sorted(p for p in hostile.iterdir() if p.is_file())
    assert len(files) >= 10
    outcomes = {}
    for path in files:
        out = project / "out" / f"{path.stem}.l10n{path.suffix}"
        out.parent.mkdir(exist_ok=True)
        code = main(["translate", str(path), "--to", "de", "--out", str(out), "--quiet"])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        assert code in (0, 2), (path.name, captured.err)
        if code == 2:
            assert len(captured.err.strip().splitlines()) == 1
            assert not out.exists()
        else:
            assert out.exists()
        outcomes[path.name] = code
    assert outcomes["not_really.xlsx"] == 2
    assert outcomes["empty.xlsx"] == 2
    assert outcomes["formulas.xlsx"] == 0
    assert outcomes["long_cell.xlsx"] == 0
    import openpyxl

    workbook = openpyxl.load_workbook(project / "out" / "formulas.l10n.xlsx")
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row]
    assert cells and not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(isinstance(c.value, str) and c.value.startswith("=") for c in cells)


@pytest.mark.usefixtures("project")
def test_translate_writes_output_and_report(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["translate", str(SAMPLE_XLSX), "--to", "de,fr", "--out", "o.xlsx", "--report"])
    out = capsys.readouterr().out
    assert code == 0
    assert "wrote o.xlsx" in out
    report = json.loads(Path("o.xlsx.report.json").read_text("utf-8"))
    assert [loc["locale"] for loc in report["locales"]] == ["de", "fr"]
    for key in (
        "rows",
        "segments",
        "translated",
        "reused",
        "seconds",
        "model_id",
        "model_version",
        "warnings",
    ):
        assert key in report["locales"][0]


@pytest.mark.usefixtures("project")
def test_models_list_and_doctor(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "list"]) == 0
    assert "en-de@1" in capsys.readouterr().out
    main(["doctor"])
    out = capsys.readouterr().out
    assert "ctranslate2" in out and "CUDA devices" in out and "en-de@1" in out


@pytest.mark.usefixtures("project")
def test_doctor_says_why_a_gpu_is_not_used(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("polyshelf.cli.doctor_cmd.cuda_device_count", lambda: 1)
    monkeypatch.setattr(
        "polyshelf.cli.doctor_cmd.cuda_problem", lambda: "cannot load libcublas.so.12"
    )
    main(["doctor"])
    out = capsys.readouterr().out
    assert "CUDA not usable, translation runs on CPU: cannot load libcublas.so.12" in out


@pytest.mark.usefixtures("project")
def test_translate_creates_missing_output_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["translate", str(SAMPLE_XLSX), "--to", "de", "--out", "new/dir/o.xlsx"])
    assert code == 0, capsys.readouterr().err
    assert Path("new/dir/o.xlsx").is_file()


@pytest.mark.usefixtures("project")
def test_output_folder_that_is_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    Path("taken").write_text("x", "utf-8")
    err = one_line_error(
        capsys, ["translate", str(SAMPLE_XLSX), "--to", "de", "--out", "taken/o.xlsx"]
    )
    assert "taken" in err and "not a folder" in err
