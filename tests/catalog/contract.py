"""Behaviours every catalog file format must have; each format's test module subclasses this."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import ClassVar

import pytest

from polyshelf.catalog.cells import RULE_FORMULA_ESCAPED
from polyshelf.catalog.model import Row, RowValue, is_empty_cell
from polyshelf.catalog.registry import open_reader, open_writer
from polyshelf.errors import InputError

SHEET = "Products"
HEADER = ["SKU", "Name", "Description"]
ROWS = [
    Row(("A-1", "Blue mug", "A <b>sturdy</b> stoneware mug, 350 ml.")),
    Row(("A-2", "Red cup", "Holds hot drinks.\nDishwasher safe.")),
    Row(("A-3", "Green bowl", 'Wide, shallow; "deep" enough for soup')),
]
UNICODE_TEXTS = (
    "Emoji 😀 family 👨\u200d👩\u200d👧 flag 🇩🇪",
    "مرحبا بالعالم — كوب أزرق",
    "שלום עולם",
    "漢字かな交じり文",
    "Cafe\u0301 crème brûlée, Größe XL",
    "tab\tinside and line\nbreak",
)
FORMULA_LIKE = ("=1+1", "+1+1", "-1+A1", "@SUM(A1)", '=HYPERLINK("http://x")', "\tTabbed", "\rCR")
PLAIN_NUMBERS = ("-5", "+3.5", "-1,234.50", "+1e5")


def write_table(
    path: Path, header: Sequence[str], rows: Sequence[Row], sheet: str = SHEET
) -> list[object]:
    with open_writer(path) as writer:
        writer.write_sheet(sheet, header, rows)
    return list(writer.issues)


def read_table(path: Path) -> tuple[list[str], list[Row]]:
    with open_reader(path) as reader:
        sheet = reader.sheet_names()[0]
        return reader.header(sheet), list(reader.rows(sheet))


def normalized(values: Sequence[RowValue]) -> tuple[RowValue, ...]:
    """Values with every kind of empty cell (None, '', MISSING) as None."""
    return tuple(None if is_empty_cell(value) else value for value in values)


class CatalogFormatContract:
    suffix: ClassVar[str]
    # What a spreadsheet-safe writer puts before formula-like text ("" if it stores it as is).
    formula_prefix: ClassVar[str] = ""

    def path(self, directory: Path, stem: str = "catalog") -> Path:
        return directory / f"{stem}{self.suffix}"

    def test_round_trip_keeps_header_and_values_with_added_column(self, tmp_path: Path) -> None:
        source = self.path(tmp_path, "source")
        write_table(source, HEADER, ROWS)
        output = self.path(tmp_path, "output")
        with open_reader(source) as reader, open_writer(output, like=reader) as writer:
            sheet = reader.sheet_names()[0]
            translated = (row.extended([f"DE {row.values[1]}"]) for row in reader.rows(sheet))
            writer.write_sheet(sheet, [*reader.header(sheet), "Name [de]"], translated)

        header, rows = read_table(output)
        assert header == [*HEADER, "Name [de]"]
        assert [row.values for row in rows] == [
            (*row.values, f"DE {row.values[1]}") for row in ROWS
        ]

    def test_empty_cells_stay_empty(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        write_table(path, HEADER, [Row(("A-1", None, "text")), Row(("A-2", "", None))])
        header, rows = read_table(path)
        assert header == HEADER
        assert [normalized(row.values) for row in rows] == [
            ("A-1", None, "text"),
            ("A-2", None, None),
        ]

    def test_unicode_emoji_and_rtl_text_survive(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        header = ["Name", "Ünïcödé 名前"]
        rows = [Row((text, text[::-1])) for text in UNICODE_TEXTS]
        assert write_table(path, header, rows) == []
        read_header, read_rows = read_table(path)
        assert read_header == header
        assert [row.values for row in read_rows] == [row.values for row in rows]

    def test_formula_like_text_is_neutralized_per_format(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        rows = [Row((text, "formula")) for text in FORMULA_LIKE]
        rows += [Row((text, "number")) for text in PLAIN_NUMBERS]
        issues = write_table(path, ["Value", "Kind"], rows)

        _, read_rows = read_table(path)
        assert [row.values[0] for row in read_rows] == [
            *(self.formula_prefix + text for text in FORMULA_LIKE),
            *PLAIN_NUMBERS,
        ]
        escaped_rows = [
            issue.row for issue in issues if issue.issue.rule_id == RULE_FORMULA_ESCAPED
        ]
        expected_rows = list(range(2, 2 + len(FORMULA_LIKE))) if self.formula_prefix else []
        assert escaped_rows == expected_rows

    def test_failed_write_keeps_existing_file_and_leaves_no_temp(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        path.write_bytes(b"previous run")

        def failing_rows() -> Iterator[Row]:
            yield Row(("A-1", "Blue mug", "text"))
            raise RuntimeError("translation crashed")

        with pytest.raises(RuntimeError, match="translation crashed"), open_writer(path) as writer:
            writer.write_sheet(SHEET, HEADER, failing_rows())
        assert path.read_bytes() == b"previous run"
        assert os.listdir(tmp_path) == [path.name]

    def test_failed_write_creates_no_output(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        with pytest.raises(ValueError, match="stop"), open_writer(path) as writer:
            writer.write_sheet(SHEET, HEADER, ROWS)
            raise ValueError("stop")
        assert os.listdir(tmp_path) == []

    def test_close_after_failed_write_sheet_discards(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        writer = open_writer(path)
        with pytest.raises(ZeroDivisionError):
            writer.write_sheet(SHEET, HEADER, (Row((str(1 / 0),)) for _ in range(1)))
        writer.close()
        assert not writer.committed
        assert os.listdir(tmp_path) == []

    def test_reading_twice_gives_the_same_rows(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        write_table(path, HEADER, ROWS)
        with open_reader(path) as reader:
            sheet = reader.sheet_names()[0]
            first = list(reader.rows(sheet))
            assert reader.header(sheet) == HEADER
            second = list(reader.rows(sheet))
        assert first == second
        assert len(first) == len(ROWS)

    def test_empty_sheet_has_no_header_and_no_rows(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        write_table(path, [], [])
        assert read_table(path) == ([], [])

    def test_missing_file_is_an_input_error(self, tmp_path: Path) -> None:
        missing = self.path(tmp_path, "nowhere")
        with pytest.raises(InputError, match=r"file not found: .*nowhere"):
            open_reader(missing)

    def test_unknown_sheet_is_an_input_error(self, tmp_path: Path) -> None:
        path = self.path(tmp_path)
        write_table(path, HEADER, ROWS)
        with open_reader(path) as reader, pytest.raises(InputError, match="no sheet 'Nope'"):
            list(reader.rows("Nope"))
