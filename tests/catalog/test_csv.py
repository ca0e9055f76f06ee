from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from polyshelf.catalog.cells import CELL_CHAR_LIMIT, RULE_CONTROL_CHARS, RULE_TOO_LONG
from polyshelf.catalog.csv_format import CsvReader, CsvWriter, detect_encoding, sniff_delimiter
from polyshelf.catalog.model import Row
from polyshelf.catalog.registry import open_reader, open_writer
from polyshelf.errors import ConfigError
from polyshelf.issues import Severity

from .contract import CatalogFormatContract, read_table, write_table


class TestCsvContract(CatalogFormatContract):
    suffix = ".csv"
    formula_prefix = "'"


class TestTsvContract(CatalogFormatContract):
    suffix = ".tsv"
    formula_prefix = "'"


CATALOG_TEXT = "SKU;Name;Price\n0017;Bürste für Öl, groß;12,50 €\nA-2;Große Tasse;3,00 €\n"
EXPECTED_ROWS = [("0017", "Bürste für Öl, groß", "12,50 €"), ("A-2", "Große Tasse", "3,00 €")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "catalog.csv"
    path.write_bytes(CATALOG_TEXT.encode(encoding))
    header, rows = read_table(path)
    assert header == ["SKU", "Name", "Price"]
    assert [row.values for row in rows] == EXPECTED_ROWS


def test_latin1_is_the_last_resort(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    # 0x81 is undefined in cp1252, so only latin-1 decodes this file.
    path.write_bytes("SKU,Name\nA-1,Größe \x81\n".encode("latin-1"))
    assert detect_encoding(path) == "latin-1"
    assert read_table(path) == (["SKU", "Name"], [Row(("A-1", "Größe \x81"))])


def test_cp1252_euro_sign_is_not_mistaken_for_latin1(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_bytes("SKU,Preis\nA-1,5 €\n".encode("cp1252"))
    assert detect_encoding(path) == "cp1252"
    assert read_table(path)[1] == [Row(("A-1", "5 €"))]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "catalog.csv"
    lines = [["SKU", "Name", "Description"], ["A-1", "Mug", "Blue, large; dishwasher safe"]]
    text = "\n".join(delimiter.join(f'"{cell}"' for cell in line) for line in lines) + "\n"
    path.write_text(text, encoding="utf-8")
    with CsvReader(path) as reader:
        assert reader.delimiter == delimiter
        assert reader.header("catalog") == ["SKU", "Name", "Description"]


def test_sniffing_is_not_fooled_by_commas_in_prose() -> None:
    sample = (
        "SKU;Description\n"
        "A-1;Soft, warm, cozy, and light\n"
        "A-2;Strong, sturdy\n"
        "A-3;Red, green, blue, yellow, white\n"
    )
    assert sniff_delimiter(sample) == ";"


def test_excel_sep_line_names_the_delimiter(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text("sep=|\nSKU|Name\nA-1|Mug, blue\n", encoding="utf-8")
    assert read_table(path) == (["SKU", "Name"], [Row(("A-1", "Mug, blue"))])


def test_quoted_multiline_cells_and_values_stay_text(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text(
        'SKU,Description,EAN\r\n0017,"Line one\r\nline ""two""",04006381333931\r\n',
        encoding="utf-8",
    )
    _, rows = read_table(path)
    assert rows == [Row(("0017", 'Line one\r\nline "two"', "04006381333931"))]


def test_ragged_rows_are_padded_and_wider_rows_extend_the_header(tmp_path: Path) -> None:
    path = tmp_path / "catalog.csv"
    path.write_text("SKU,Name\nA-1\nA-2,Mug,extra\n\nA-3,Cup\n\n\n", encoding="utf-8")
    header, rows = read_table(path)
    assert header == ["SKU", "Name", ""]
    assert [row.values for row in rows] == [
        ("A-1", "", ""),
        ("A-2", "Mug", "extra"),
        ("", "", ""),
        ("A-3", "Cup", ""),
    ]


def test_empty_file_has_no_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    assert read_table(path) == ([], [])


def test_output_is_utf8_with_bom_and_keeps_the_input_delimiter(tmp_path: Path) -> None:
    source = tmp_path / "source.csv"
    source.write_text("SKU;Name\nA-1;Tasse\n", encoding="cp1252")
    output = tmp_path / "output.csv"
    with open_reader(source) as reader, open_writer(output, like=reader) as writer:
        writer.write_sheet(
            "source",
            [*reader.header("source"), "Name [en]"],
            [row.extended(["Cup"]) for row in reader.rows("source")],
        )
    assert output.read_bytes() == "\ufeffSKU;Name;Name [en]\r\nA-1;Tasse;Cup\r\n".encode()


def test_delimiter_can_be_set_directly(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    with CsvWriter(path, delimiter="|") as writer:
        writer.write_sheet("out", ["A", "B"], [Row(("1", "2"))])
    assert path.read_bytes() == b"\xef\xbb\xbfA|B\r\n1|2\r\n"


def test_control_characters_are_kept_except_nul(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    issues = write_table(path, ["Name"], [Row(("a\x00b\x07c\x1bd",))])
    assert read_table(path)[1] == [Row(("ab\x07c\x1bd",))]
    assert [(issue.row, issue.issue.rule_id) for issue in issues] == [(2, RULE_CONTROL_CHARS)]


def test_long_text_is_kept_whole_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    long_text = "y" * (CELL_CHAR_LIMIT + 1)
    issues = write_table(path, ["Description"], [Row((long_text,))])
    assert read_table(path)[1] == [Row((long_text,))]
    assert [(issue.issue.rule_id, issue.issue.severity) for issue in issues] == [
        (RULE_TOO_LONG, Severity.WARNING)
    ]


def test_non_text_values_are_written_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    row = Row((17, True, datetime.datetime(2024, 3, 1), 2.5, None), ("0000",) + (None,) * 4)
    write_table(path, ["Zip", "Flag", "Date", "Weight", "Empty"], [row])
    assert read_table(path)[1] == [Row(("0017", "TRUE", "2024-03-01", "2.5", ""))]


def test_a_second_sheet_is_refused(tmp_path: Path) -> None:
    with open_writer(tmp_path / "out.csv") as writer:
        writer.write_sheet("one", ["A"], [])
        with pytest.raises(ConfigError, match="single sheet"):
            writer.write_sheet("two", ["A"], [])
    assert (tmp_path / "out.csv").exists()
