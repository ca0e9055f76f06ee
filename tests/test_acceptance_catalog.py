"""Acceptance of the catalog issue on a generated 400-row catalog (fake MT: structure only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from polyshelf.cli.main import main
from polyshelf.verify import tag_multiset, verify_output
from tests.conftest import REPO

MAKE_CATALOG = REPO / "bench" / "make_catalog.py"


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "jsonl"])
def test_400_rows_to_de_and_fr(project: Path, fmt: str) -> None:
    catalog = project / f"cat400.{fmt}"
    subprocess.run(
        [sys.executable, str(MAKE_CATALOG), "--rows", "400", "--seed", "3", "--out", str(catalog)],
        check=True,
        capture_output=True,
    )
    out = project / f"cat400.l10n.{fmt}"
    assert main(["translate", str(catalog), "--to", "de,fr", "--out", str(out), "--quiet"]) == 0
    report = verify_output(catalog, out)
    assert report.ok, report.problems
    assert report.targets_checked >= 400 * 2


def test_verify_catches_a_lost_tag(tmp_path: Path) -> None:
    assert tag_multiset("<p>a <b>b</b></p>") != tag_multiset("<p>a b</p>")
    src, out = tmp_path / "a.csv", tmp_path / "b.csv"
    src.write_text("Name\n<b>Oak</b> 2\n", "utf-8")
    out.write_text("Name,Name [de]\n<b>Oak</b> 2,Eiche 3\n", "utf-8")
    problems = verify_output(src, out).problems
    assert any("tags differ" in p for p in problems) and any("digits lost" in p for p in problems)
