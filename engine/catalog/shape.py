"""Shaping raw spreadsheet rows into a rectangular table, shared by the xlsx and csv readers.

Raw rows are ragged: trailing cells may be missing or empty, and a data row may be wider than
the header. Readers first survey a sheet for its width (so ``header()`` can name every column),
then stream rows padded to that width. Empty rows inside the table are kept, so row numbers stay
true to the file; empty rows after the last data row (often just formatting) are dropped.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Sequence

from polyshelf.catalog.model import Row, RowValue, is_empty_cell

RawRow = tuple[Sequence[RowValue], Sequence[str | None] | None]


def content_width(values: Sequence[object]) -> int:
    """Number of cells up to and including the last non-empty one."""
    width = len(values)
    while width and is_empty_cell(values[width - 1]):
        width -= 1
    return width


def header_text(value: object) -> str:
    """A header cell as a column name ('' for an empty cell)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def table_width(header: Sequence[object], data_rows: Iterable[Sequence[object]]) -> int:
    """Width of the table: the header's, or the widest data row's content if that is wider."""
    width = content_width(header)
    for values in data_rows:
        if len(values) > width:
            width = max(width, content_width(values))
    return width


def shape_header(header: Sequence[object], width: int) -> list[str]:
    names = [header_text(value) for value in header[:width]]
    return names + [""] * (width - len(names))


def shape_rows(raw_rows: Iterable[RawRow], width: int, fill: RowValue) -> Iterator[Row]:
    """Rows padded with ``fill`` to ``width``; trailing empty rows are dropped."""
    pending_empty = 0
    empty_row = Row((fill,) * width)
    for values, formats in raw_rows:
        used = content_width(values)
        if used == 0:
            pending_empty += 1
            continue
        for _ in range(pending_empty):
            yield empty_row
        pending_empty = 0
        yield _fitted(values, formats, max(width, used), fill)


def _fitted(
    values: Sequence[RowValue], formats: Sequence[str | None] | None, width: int, fill: RowValue
) -> Row:
    """``values`` cut or padded with ``fill`` to exactly ``width`` cells."""
    fitted = tuple(values[:width])
    if len(fitted) < width:
        fitted += (fill,) * (width - len(fitted))
    if formats is None:
        return Row(fitted)
    fitted_formats = tuple(formats[:width])
    if not any(fitted_formats):
        return Row(fitted)
    return Row(fitted, fitted_formats + (None,) * (width - len(fitted_formats)))
