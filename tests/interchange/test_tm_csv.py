"""TM csv: exact round trip, formula-like text, headers and languages as tools write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.catalog.cells import looks_like_formula
from polyshelf.errors import InputError
from polyshelf.interchange import BilingualUnit, read_tm_csv, write_tm_csv
from polyshelf.interchange.tm_csv import protect_formula, unprotect_formula

FORMULA_TEXTS = [
    "=SUM(A1:A3)",
    "+49 30 1234",
    "-rabatt",
    "@mention",
    "\tindented",
    "\rcarriage",
    "'=already quoted",
    "''=twice",
    "'just an apostrophe",
    "-5",
    "+3.5",
    "'-5",
    "'",
    "",
]


def _unit(i: int, source: str, target: str, note: str = "") -> BilingualUnit:
    return BilingualUnit(str(i + 2), source, target, "en", "de", note=note)


def test_round_trip_is_exact(tmp_path: Path) -> None:
    units = [
        _unit(0, 'Soft <b>cotton</b>, "quoted"; semi', 'Weich, "zitiert"; halb', "a,b"),
        _unit(1, "Line one\nLine two\r\nthree", "Zeile\r\nzwei"),
        _unit(2, "  spaced  ", "  Abstand  "),
        _unit(3, "Gift 🎁 &amp; هدية", "Geschenk 🎁"),
        _unit(4, "Bell\x07 vertical\x0b nul\x00", "Glocke\x07"),
        *(_unit(5 + i, text, text, note=text) for i, text in enumerate(FORMULA_TEXTS)),
    ]
    path = tmp_path / "tm.csv"
    write_tm_csv(path, units)
    assert read_tm_csv(path, "en", "de") == units


def test_formula_like_cells_are_neutralized_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "tm.csv"
    write_tm_csv(path, [_unit(0, '=HYPERLINK("http://x")', "-5"), _unit(1, "'=x", "@a")])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "source,target,src_lang,tgt_lang,note"
    assert lines[1] == '"\'=HYPERLINK(""http://x"")",-5,en,de,'
    assert lines[2] == "''=x,'@a,en,de,"


@pytest.mark.parametrize("text", FORMULA_TEXTS)
def test_protect_is_reversible(text: str) -> None:
    assert unprotect_formula(protect_formula(text)) == text
    assert not looks_like_formula(protect_formula(text))


def test_reads_excel_semicolon_file_with_bom_and_extra_columns(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes(
        "\ufeffID;Target;Source;Tgt_Lang;Comment\r\n"
        "1;Blaue Tasse;Blue mug;de-DE;x\r\n"
        "2;Tasse bleue;Blue mug;fr;x\r\n"
        "3;Rotes Hemd;Red shirt;;x\r\n"
        ";;;;\r\n".encode()
    )
    units = read_tm_csv(path, "en", "de")
    assert [(u.id, u.source, u.target, u.tgt_lang) for u in units] == [
        ("2", "Blue mug", "Blaue Tasse", "de-DE"),
        ("4", "Red shirt", "Rotes Hemd", "de"),
    ]
    assert units[0].src_lang == "en" and units[0].note == ""


def test_reads_tab_separated(tmp_path: Path) -> None:
    path = tmp_path / "tm.csv"
    path.write_text("source\ttarget\nMug, blue\tTasse, blau\n", encoding="utf-8")
    assert [(u.source, u.target) for u in read_tm_csv(path, "en", "de")] == [
        ("Mug, blue", "Tasse, blau")
    ]


def test_bad_files(tmp_path: Path) -> None:
    path = tmp_path / "tm.csv"
    path.write_text("english,german\nMug,Tasse\n", encoding="utf-8")
    with pytest.raises(InputError, match="source and target"):
        read_tm_csv(path, "en", "de")
    with pytest.raises(InputError, match="file not found"):
        read_tm_csv(tmp_path / "missing.csv", "en", "de")


def test_unencodable_text_is_refused_and_nothing_written(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="invalid Unicode"):
        write_tm_csv(tmp_path / "tm.csv", [_unit(0, "lone \ud800 surrogate", "x")])
    assert list(tmp_path.iterdir()) == []
