"""Excel workbooks: read .xlsx/.xlsm in streaming mode, write .xlsx in write-only mode.

Formulas are read as their text (``=SUM(A1)``) and never evaluated. Every worksheet is kept,
empty ones too; chartsheets hold no table and are skipped. Each cell's number format travels
with the row, so dates and zero-padded numbers (``0000``) look the same in the output.
Text that looks like a formula is written as a string cell with Excel's quote-prefix style:
the value is unchanged and Excel shows it as text.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.workbook.workbook import Workbook

from polyshelf.catalog.cells import (
    XLSX_RULES,
    apply_cell_rules,
    cell_text,
    column_label,
    looks_like_formula,
)
from polyshelf.catalog.model import (
    MISSING,
    CatalogReader,
    CatalogWriter,
    Row,
    RowValue,
)
from polyshelf.catalog.registry import register_format
from polyshelf.catalog.shape import shape_header, shape_rows, table_width
from polyshelf.catalog.xlsx_survey import surveyed_width
from polyshelf.errors import InputError
from polyshelf.issues import Issue, Severity

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

RULE_SHEET_RENAMED = "sheet.renamed"
RULE_VALUE_CHANGED = "cell.value_changed"

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_GENERAL = "General"
_SHEET_TITLE_LIMIT = 31
_INVALID_TITLE_CHARS = re.compile(r"[\\*?:/\[\]]")
_RESERVED_TITLES = {"history"}
_DATE_TIME_TYPES = datetime.date | datetime.time | datetime.timedelta


@register_format(".xlsx", ".xlsm")
class XlsxReader(CatalogReader):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._workbook = _load_workbook(self.path)
        self._widths: dict[str, int] = {}

    def sheet_names(self) -> list[str]:
        return [sheet.title for sheet in self._workbook.worksheets]

    def header(self, sheet: str) -> list[str]:
        width = self._width(sheet)
        first = next(self._values(sheet), None)
        return shape_header(first or (), width)

    def rows(self, sheet: str) -> Iterator[Row]:
        width = self._width(sheet)
        raw_rows = self._cells(sheet)
        next(raw_rows, None)  # the header
        return shape_rows(raw_rows, width, fill=None)

    def close(self) -> None:
        self._workbook.close()

    def _width(self, sheet: str) -> int:
        if sheet not in self._widths:
            with self._sheet_errors(sheet):
                width = surveyed_width(self._worksheet(sheet))
            if width is None:
                values = self._values(sheet)
                width = table_width(next(values, ()), values)
            self._widths[sheet] = width
        return self._widths[sheet]

    def _worksheet(self, sheet: str) -> ReadOnlyWorksheet:
        self._require_sheet(sheet)
        worksheet = self._workbook[sheet]
        # The stored dimension can be wrong (some exporters write A1:A1); read what is there.
        worksheet.reset_dimensions()
        return worksheet

    def _values(self, sheet: str) -> Iterator[tuple[Any, ...]]:
        """Plain values per row: a cheap pass for the header and the table's width."""
        with self._sheet_errors(sheet):
            yield from self._worksheet(sheet).iter_rows(values_only=True)

    def _cells(self, sheet: str) -> Iterator[tuple[list[RowValue], list[str | None]]]:
        with self._sheet_errors(sheet):
            for cells in self._worksheet(sheet).iter_rows():
                values = [_cell_value(cell.value) for cell in cells]
                formats = [_kept_format(cell.number_format) for cell in cells]
                yield values, formats

    @contextlib.contextmanager
    def _sheet_errors(self, sheet: str) -> Iterator[None]:
        try:
            yield
        except InputError:
            raise
        except Exception as exc:
            raise InputError(
                f"{self.path}: sheet {sheet!r} could not be read ({_one_line(exc)})"
            ) from exc


@register_format(".xlsx")
class XlsxWriter(CatalogWriter):
    def _start(self, temp_path: Path, like: CatalogReader | None) -> None:
        self._temp_path = temp_path
        self._workbook = Workbook(write_only=True)
        self._titles: set[str] = set()

    def _write_sheet(self, name: str, header: list[str], rows: Iterable[Row]) -> None:
        worksheet = self._workbook.create_sheet(self._sheet_title(name))
        sheet = _SheetCells(self, worksheet, name, header)
        worksheet.append([sheet.cell(1, index, text, None) for index, text in enumerate(header)])
        for row_number, row in enumerate(rows, start=2):
            worksheet.append(
                [
                    sheet.cell(row_number, index, value, row.format_at(index))
                    for index, value in enumerate(row.values)
                ]
            )

    def _finish(self) -> None:
        if not self._workbook.worksheets:
            self._workbook.create_sheet("Sheet1")
        self._workbook.save(self._temp_path)

    def _release(self) -> None:
        # openpyxl streams each write-only sheet to its own temp file and deletes those only
        # on save (or at interpreter exit); an aborted write removes them now.
        for worksheet in self._workbook.worksheets:
            row_stream = getattr(worksheet, "_rows", None)
            if row_stream is not None:
                with contextlib.suppress(Exception):
                    row_stream.close()
            writer = getattr(worksheet, "_writer", None)
            if writer is not None:
                with contextlib.suppress(Exception):
                    writer.close()
                with contextlib.suppress(Exception):
                    writer.cleanup()

    def _sheet_title(self, name: str) -> str:
        title = _INVALID_TITLE_CHARS.sub("_", name).strip("'")[:_SHEET_TITLE_LIMIT] or "Sheet"
        if title.casefold() in _RESERVED_TITLES:
            title = f"{title}_"
        base, number = title, 1
        while title.casefold() in self._titles:
            number += 1
            suffix = f" ({number})"
            title = base[: _SHEET_TITLE_LIMIT - len(suffix)] + suffix
        self._titles.add(title.casefold())
        if title != name:
            issue = Issue(
                RULE_SHEET_RENAMED,
                Severity.INFO,
                f"sheet {name!r} written as {title!r} (Excel sheet-name rules)",
                params={"title": title},
                fixed=True,
            )
            self._report(name, 0, "", issue)
        return title


class _SheetCells:
    """Turns row values into write-only cells for one sheet, reporting what it changes."""

    def __init__(
        self, writer: XlsxWriter, worksheet: WriteOnlyWorksheet, sheet: str, header: list[str]
    ) -> None:
        self._writer = writer
        self._worksheet = worksheet
        self._sheet = sheet
        self._header = header

    def cell(self, row_number: int, index: int, value: RowValue, number_format: str | None) -> Any:
        """A plain value where openpyxl stores it faithfully, else a styled WriteOnlyCell."""
        value = self._storable(row_number, index, value)
        if value is None:
            return None
        if isinstance(value, str):
            value = self._safe_text(row_number, index, value)
            # openpyxl would store these as a formula or an error cell; keep them text.
            if looks_like_formula(value) or value in ERROR_CODES:
                cell = WriteOnlyCell(self._worksheet, value=value)
                cell.data_type = "s"
                cell.quotePrefix = True
                if number_format:
                    cell.number_format = number_format
                return cell
        if not number_format:
            return value
        cell = WriteOnlyCell(self._worksheet, value=value)
        cell.number_format = number_format
        return cell

    def _storable(self, row_number: int, index: int, value: RowValue) -> Any:
        if value is MISSING:
            return None
        if isinstance(value, list | dict):
            return cell_text(value)
        if isinstance(value, float) and not math.isfinite(value):
            self._changed(
                row_number, index, f"{value} is not a number Excel can hold; kept as text"
            )
            return str(value)
        if isinstance(value, datetime.datetime | datetime.time) and value.tzinfo is not None:
            self._changed(row_number, index, "Excel cannot hold a time zone; dropped it")
            return value.replace(tzinfo=None)
        if value is None or isinstance(value, str | int | float | _DATE_TIME_TYPES):
            return value
        return str(value)

    def _safe_text(self, row_number: int, index: int, text: str) -> str:
        text, issues = apply_cell_rules(text, XLSX_RULES)
        for issue in issues:
            self._writer._report(self._sheet, row_number, self._column(index), issue)
        return text

    def _changed(self, row_number: int, index: int, message: str) -> None:
        issue = Issue(RULE_VALUE_CHANGED, Severity.WARNING, message, fixed=True)
        self._writer._report(self._sheet, row_number, self._column(index), issue)

    def _column(self, index: int) -> str:
        return column_label(self._header, index)


def _load_workbook(path: Path) -> Workbook:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except PermissionError as exc:
        raise InputError(f"cannot read {path}: permission denied") from exc
    except Exception as exc:
        raise InputError(
            f"{path} is not a readable .xlsx workbook ({_load_failure_reason(path, exc)})"
        ) from exc


def _load_failure_reason(path: Path, exc: Exception) -> str:
    try:
        with path.open("rb") as stream:
            start = stream.read(len(_OLE2_MAGIC))
    except OSError:
        start = b""
    if start == _OLE2_MAGIC:
        return "it is password-protected, or an old .xls file saved with an .xlsx name"
    if not start.startswith(b"PK"):
        return "not a zip archive"
    if isinstance(exc, KeyError) or "no valid workbook" in str(exc):
        return f"a zip archive without an Excel workbook inside: {_one_line(exc)}"
    return _one_line(exc)


def _cell_value(value: Any) -> RowValue:
    if value is None or isinstance(value, str | int | float | datetime.date | datetime.time):
        return value
    if isinstance(value, datetime.timedelta):
        # Durations ([h]:mm cells) as Excel stores them, in days; the kept format shows them.
        return value / datetime.timedelta(days=1)
    text = getattr(value, "text", None)  # array formulas come as ArrayFormula objects
    return text if isinstance(text, str) else str(value)


def _kept_format(number_format: str | None) -> str | None:
    return None if number_format == _GENERAL else number_format


def _one_line(exc: BaseException, limit: int = 200) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"
