from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from polyshelf.cli.main import main
from polyshelf.store.db import open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("USER", "batchbot")
    with open_store(tmp_path) as store:
        queue = ReviewQueue(store)
        for n, (source, target) in enumerate(
            [
                ("Waterproof hiking boots", "Wasserdichte Wanderstiefel"),
                ("=SUM(A1:A3) special", "=SUMME(A1:A3) Spezial"),
                ("Leather wallet", "Leder Geldbörse"),
            ]
        ):
            queue.upsert_from_run(
                "spring.xlsx",
                f"SKU=KX-{n}!Title#1",
                "de",
                source,
                target,
                "en-de@2",
                -0.9,
                ["mt-untranslated"] if n == 2 else [],
                "needs_review",
                src_lang="en",
            )
    return tmp_path


def cli(project: Path, *args: str) -> int:
    return main(["--project", str(project), *args])


def test_review_list_show_approve_edit_export(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(project, "review", "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [i["state"] for i in listed] == ["needs_review"] * 3
    ids = [i["id"] for i in listed]

    assert cli(project, "review", "approve", str(ids[0]), str(ids[1]), "--comment", "fine") == 0
    assert cli(project, "review", "edit", str(ids[2]), "--text", "Lederbörse", "--by", "ann") == 0
    assert (
        cli(
            project,
            "review",
            "suppress",
            str(ids[2]),
            "mt-untranslated",
            "--reason",
            "ok",
            "--by",
            "ann",
        )
        == 0
    )
    capsys.readouterr()

    assert cli(project, "review", "show", str(ids[2])) == 0
    shown = capsys.readouterr().out
    assert "Lederbörse" in shown and "ann" in shown and "suppressed: ok" in shown

    assert cli(project, "review", "list") == 0
    assert "no review items in state needs_review" in capsys.readouterr().out

    out = project / "approved.csv"
    assert cli(project, "review", "export", str(out), "--state", "approved") == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["target"] for r in rows] == [
        "Wasserdichte Wanderstiefel",
        "'=SUMME(A1:A3) Spezial",  # formula neutralized
        "Lederbörse",
    ]
    assert rows[0]["updated_by"] == "batchbot"
    assert rows[2]["updated_by"] == "ann"

    with open_store(project) as store:
        assert TranslationMemory(store).exact("Leather wallet", "en", "de").target == "Lederbörse"  # type: ignore[union-attr]


def test_review_errors_are_one_line(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(project, "review", "approve", "999") == 2
    assert capsys.readouterr().err.strip() == "polyshelf: error: no review item 999"
    assert cli(project, "review", "approve", "1") == 0
    assert cli(project, "review", "approve", "1") == 2
    assert "cannot become approved" in capsys.readouterr().err
    assert cli(project, "review", "export", str(project / "out.xlsx")) == 2
    # a failing id in a batch approves none of them
    assert cli(project, "review", "approve", "2", "999") == 2
    with open_store(project) as store:
        assert ReviewQueue(store).get(2).state == "needs_review"


def test_review_calibrate_saves_threshold(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(project, "review", "reject", "1", "--comment", "wrong term") == 0
    assert cli(project, "review", "calibrate", "--from", "en", "--to", "de", "--save") == 0
    assert "-0.899" in capsys.readouterr().out
    saved = json.loads((project / ".polyshelf" / "routing.json").read_text(encoding="utf-8"))
    assert saved["pairs"]["en>de"]["min_score"] == pytest.approx(-0.899)


def test_tm_csv_round_trip_and_stats(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "supplier.csv"
    src.write_text(
        "en;de\nBamboo cutting board;Bambus-Schneidebrett\n"
        "-5% off all mugs;-5 % auf alle Becher\n=cmd|' /C calc'!A0;=gefährlich\n",
        encoding="utf-8",
    )
    assert cli(project, "tm", "import", str(src), "--from", "en", "--to", "de") == 0
    assert "3 entries imported" in capsys.readouterr().out

    out = tmp_path / "export.csv"
    assert cli(project, "tm", "export", str(out), "--from", "en", "--to", "de") == 0
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["source"] for r in rows} == {
        "Bamboo cutting board",
        "'-5% off all mugs",
        "'=cmd|' /C calc'!A0",
    }

    other = tmp_path / "other"
    other.mkdir()
    assert cli(other, "tm", "import", str(out), "--from", "en", "--to", "de") == 0
    with open_store(other) as store:
        tm = TranslationMemory(store)
        assert tm.exact("=cmd|' /C calc'!A0", "en", "de").target == "=gefährlich"  # type: ignore[union-attr]
        assert tm.exact("-5% off all mugs", "en", "de") is not None

    approved_only = tmp_path / "approved.tsv"
    assert cli(project, "review", "approve", "1") == 0
    assert (
        cli(
            project,
            "tm",
            "export",
            str(approved_only),
            "--from",
            "en",
            "--to",
            "de",
            "--approved-only",
        )
        == 0
    )
    lines = approved_only.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and lines[1].startswith("Waterproof hiking boots\tWasserdichte")
    capsys.readouterr()

    assert cli(project, "tm", "stats") == 0
    stats = capsys.readouterr().out
    assert "en→de  import    3" in stats and "review  approved" in stats


def test_tm_import_tmx(project: Path, tmp_path: Path) -> None:
    tmx = tmp_path / "legacy.tmx"
    tmx.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en-US"/>'
        '<body><tu><tuv xml:lang="en-US"><seg>Soft <bpt i="1">&lt;b&gt;</bpt>merino'
        '<ept i="1">&lt;/b&gt;</ept> wool</seg></tuv><tuv xml:lang="de-DE"><seg>Weiche '
        '<bpt i="1">&lt;b&gt;</bpt>Merino<ept i="1">&lt;/b&gt;</ept>wolle</seg></tuv></tu>'
        "</body></tmx>",
        encoding="utf-8",
    )
    assert cli(project, "tm", "import", str(tmx), "--from", "en", "--to", "de") == 0
    with open_store(project) as store:
        match = TranslationMemory(store).exact("Soft <b>merino</b> wool", "en", "de")
    assert match is not None and match.target == "Weiche <b>Merino</b>wolle"


def test_tm_bad_inputs(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\nx,y\n", encoding="utf-8")
    assert cli(project, "tm", "import", str(bad), "--from", "en", "--to", "de") == 2
    assert "must name the columns source and target" in capsys.readouterr().err
    assert (
        cli(project, "tm", "import", str(tmp_path / "none.csv"), "--from", "en", "--to", "de") == 2
    )
    assert (
        cli(project, "tm", "import", str(bad.with_suffix(".docx")), "--from", "en", "--to", "de")
        == 2
    )


def test_tm_export_tmx(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    from polyshelf.tmx import read_tmx

    assert cli(project, "review", "approve", "1", "3") == 0
    out = tmp_path / "approved.tmx"
    code = cli(project, "tm", "export", str(out), "--from", "en", "--to", "de", "--approved-only")
    if importlib.util.find_spec("polyshelf.interchange.tmx_write") is None:
        assert code == 2
        assert "TMX export is not available" in capsys.readouterr().err
        return
    assert code == 0
    units = read_tmx(out, "en", "de")
    assert {(u.source, u.target) for u in units} == {
        ("Waterproof hiking boots", "Wasserdichte Wanderstiefel"),
        ("Leather wallet", "Leder Geldbörse"),
    }


def test_tm_lookup_shows_exact_and_fuzzy_matches(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "tm.csv"
    src.write_text(
        "source,target\nSolid oak dining table,Esstisch aus massiver Eiche\n"
        "Solid oak coffee table,Couchtisch aus massiver Eiche\nBamboo board,Bambusbrett\n",
        encoding="utf-8",
    )
    assert cli(project, "tm", "import", str(src), "--from", "en", "--to", "de") == 0
    capsys.readouterr()
    args = [
        "tm",
        "lookup",
        "Solid oak dining table",
        "--from",
        "en",
        "--to",
        "de",
        "--min-score",
        "70",
    ]
    assert cli(project, *args) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("100.0%") and "Esstisch" in out[1]
    assert any("Couchtisch" in line for line in out[2:])
    assert not any("Bambus" in line for line in out)
