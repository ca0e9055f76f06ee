"""Issue acceptance: translate, review from the CLI, re-run with no MT, export approved text."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

import tests.fakes as fakes
from polyshelf.cli.main import main
from polyshelf.store.db import open_store
from polyshelf.store.review import ReviewQueue
from tests.conftest import SAMPLE_XLSX


def translate(project: Path, out: Path, *extra: str) -> dict:
    args = ["--project", str(project), "translate", str(SAMPLE_XLSX), "--to", "de,fr"]
    assert main([*args, "--out", str(out), "--report", "--quiet", *extra]) == 0
    return json.loads(out.with_name(out.name + ".report.json").read_text("utf-8"))


def cells(path: Path) -> dict[str, list[tuple]]:
    book = openpyxl.load_workbook(path)
    return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}


def review(project: Path, *args: str) -> int:
    return main(["--project", str(project), "review", *args])


def test_review_edits_reach_the_export_and_reruns_need_no_mt(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = translate(project, project / "run1.xlsx")
    assert all(loc["translated"] > 0 for loc in first["locales"])
    with open_store(project) as store:
        items = ReviewQueue(store).list(locale="de-DE") or ReviewQueue(store).list(locale="de")
        name_item = next(i for i in items if i.unit_key.endswith("!Name") and i.locale == "de")
        other = next(i for i in items if i.unit_key.endswith("!Short description"))
    assert (
        review(
            project,
            "edit",
            str(name_item.id),
            "--text",
            "SKOGBY Ohrensessel, Marineblau",
            "--by",
            "anna",
            "--comment",
            "terminology",
        )
        == 0
    )
    assert review(project, "approve", str(other.id), "--by", "anna") == 0
    capsys.readouterr()
    assert review(project, "show", str(name_item.id), "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["state"] == "approved" and shown["target"] == "SKOGBY Ohrensessel, Marineblau"
    assert [h["action"] for h in shown["history"]][-1] == "edit"

    calls = len(fakes.FakeBackend.calls)
    second = translate(project, project / "run2.xlsx")
    # Nothing changed in the catalog: every segment comes from the TM or the review queue.
    assert len(fakes.FakeBackend.calls) == calls
    assert all(loc["translated"] == 0 for loc in second["locales"])
    run1, run2 = cells(project / "run1.xlsx"), cells(project / "run2.xlsx")
    header = list(run2["Products"][0])
    name_de = header.index("Name [de]")
    row = next(r for r in run2["Products"][1:] if r[header.index("SKU")] in name_item.unit_key)
    assert row[name_de] == "SKOGBY Ohrensessel, Marineblau"
    # Everything else is the same as in the first run.
    changed = [(a, b) for a, b in zip(run1["Products"], run2["Products"], strict=True) if a != b]
    assert len(changed) == 1

    third = translate(project, project / "run3.xlsx")
    assert all(loc["translated"] == 0 for loc in third["locales"])
    assert cells(project / "run3.xlsx")["Products"] == run2["Products"]
    # Reruns route TM hits by the evidence of the run that made them: the queue stays as it was.
    assert third["review_counts"] == second["review_counts"]
    assert sum(first["review_counts"].values()) == sum(third["review_counts"].values())
    assert third["review_counts"].get("approved") == 2

    # Export limited to approved text: only the two reviewed cells are filled.
    translate(project, project / "approved.xlsx", "--approved-only")
    approved = cells(project / "approved.xlsx")["Products"]
    target_columns = [
        i
        for i, h in enumerate(approved[0])
        if h.endswith("]") and not h.startswith(("Price", "Weight"))
    ]
    filled = [r[i] for r in approved[1:] for i in target_columns if r[i]]
    assert "SKOGBY Ohrensessel, Marineblau" in filled and len(filled) >= 2
    assert len(filled) < len(approved[1:]) * len(target_columns) / 2


def test_source_change_after_approval_needs_rewriting(project: Path) -> None:
    path = project / "c.csv"
    path.write_text("SKU,Name\nA1,Oak table\nB2,Pine chair\n", "utf-8")
    args = ["--project", str(project), "translate", str(path), "--to", "de", "--quiet"]
    assert main([*args, "--out", str(project / "o.csv")]) == 0
    with open_store(project) as store:
        queue = ReviewQueue(store)
        item = queue.find("c.csv", "c!SKU=A1!Name", "de") or queue.list()[0]
        queue.edit(item.id, "anna", "Eichentisch")
    path.write_text("SKU,Name\nA1,Oak dining table\nB2,Pine chair\n", "utf-8")
    assert main([*args, "--out", str(project / "o2.csv")]) == 0
    with open_store(project) as store:
        queue = ReviewQueue(store)
        changed = queue.get(item.id)
        assert changed.state == "needs_rewriting" and changed.source == "Oak dining table"
        assert any(h.old_target == "Eichentisch" for h in queue.history(item.id))
