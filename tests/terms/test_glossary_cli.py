from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.cli.main import main
from polyshelf.terms.termbase import read_termbase


def run(project: Path, *args: str) -> int:
    return main(["--project", str(project), "glossary", *args])


def test_add_creates_project_termbase_and_updates_instead_of_duplicating(
    term_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(term_project, "add", "bookcase", "Regal", "--to", "de") == 0
    assert (
        run(term_project, "add", "bookcase", "Büchergestell", "--to", "de", "--market", "de-CH")
        == 0
    )
    assert run(term_project, "add", "bookcase", "Bücherregal", "--to", "de", "--note", "IKEA") == 0
    assert run(term_project, "add", "KALLAX", "--dnt", "--case-sensitive") == 0
    out = capsys.readouterr().out
    assert out.count("added") == 3 and out.count("updated") == 1
    de_terms = read_termbase(term_project / "glossaries" / "en-de.csv")
    assert [(t.source, t.target, t.market, t.note) for t in de_terms] == [
        ("bookcase", "Bücherregal", None, "IKEA"),
        ("bookcase", "Büchergestell", "de-CH", ""),
    ]
    [dnt] = read_termbase(term_project / "glossaries" / "en.csv")
    assert (dnt.source, dnt.dnt, dnt.case_sensitive, dnt.tgt_lang) == ("KALLAX", True, True, None)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "bookcase", "--to", "de"], "give a TARGET"),
        (["add", "bookcase", "Regal"], "--to is required"),
        (["add", "PAX", "Pax", "--dnt"], "different target"),
        (["add", "bookcase", "Regal", "--to", "de", "--market", "fr-CH"], "not a de market"),
        (["add", "bookcase", "Regal", "--to", "deutsch"], "not a language or locale code"),
        (["import", "missing.tbx"], "termbase not found"),
    ],
)
def test_bad_options_are_one_line_errors(
    term_project: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(term_project, *args) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_list_shows_shipped_and_project_terms_with_origin(
    term_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(term_project, "add", "wardrobe", "Schrank", "--to", "de")
    run(term_project, "add", "wardrobe", "Kasten", "--to", "de", "--market", "de-AT")
    capsys.readouterr()
    assert run(term_project, "list", "--to", "de") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["SOURCE", "TARGET", "PAIR", "MARKET", "FLAGS", "ORIGIN", "NOTE"]
    rows = {tuple(line.split()[-5:]) for line in lines[1:] if line.startswith("wardrobe")}
    assert ("Schrank", "en→de", "-", "-", "project") in rows
    assert ("Kasten", "en→de", "de-AT", "-", "project") in rows
    assert any(line.split()[-1] == "shipped" and "Kommode" in line for line in lines)
    assert not any("bibliothèque" in line for line in lines)

    assert run(term_project, "list", "--market", "de-CH") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[1] for line in lines if line.startswith("wardrobe")] == ["Schrank"]


def test_export_then_import_round_trips_through_tbx_and_csv(
    term_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(term_project, "add", "bookcase", "Büchergestell", "--to", "de-CH")
    run(term_project, "add", "HEMNES", "--dnt", "--to", "de")
    for name in ("terms.tbx", "terms.csv"):
        exported = tmp_path / name
        assert run(term_project, "export", str(exported), "--to", "de") == 0
        terms = read_termbase(exported)
        assert ("bookcase", "Büchergestell", "de-CH") in {
            (t.source, t.target, t.market) for t in terms
        }
        assert ("cushion cover", "Kissenbezug", None) in {
            (t.source, t.target, t.market) for t in terms
        }
        assert all(t.tgt_lang == "de" for t in terms)

        other = tmp_path / f"other-{exported.suffix[1:]}"
        capsys.readouterr()
        assert run(other, "import", str(exported)) == 0
        assert f"imported {len(terms)} terms" in capsys.readouterr().out
        assert sorted(read_termbase(other / "glossaries" / "en-de.csv"), key=repr) == sorted(
            terms, key=repr
        )
        assert run(other, "import", str(exported)) == 0
        assert "0 added, 0 updated" in capsys.readouterr().out


def test_import_minimal_csv_with_languages_from_options(
    term_project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "supplier terms.csv"
    source.write_text(
        "source,target\nshoe cabinet,meuble à chaussures\nrug,tapis\n", encoding="utf-8"
    )
    assert run(term_project, "import", str(source), "--to", "fr") == 0
    assert "2 added, 0 updated" in capsys.readouterr().out
    terms = read_termbase(term_project / "glossaries" / "en-fr.csv")
    assert [(t.source, t.target, t.src_lang, t.tgt_lang) for t in terms] == [
        ("shoe cabinet", "meuble à chaussures", "en", "fr"),
        ("rug", "tapis", "en", "fr"),
    ]
