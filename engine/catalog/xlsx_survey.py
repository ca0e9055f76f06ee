"""How wide a worksheet's table is, read straight from the sheet XML.

``header()`` must name every column before any row is read, so a reader surveys the whole sheet
once. openpyxl needs as long for that as for reading the rows themselves (about 8,000 rows a
second); scanning the raw XML with lxml for the last cell holding a value in each row is about
ten times faster. Where lxml or the openpyxl internals it relies on are missing, callers fall
back to a pass through openpyxl.
"""

from __future__ import annotations

import functools
from typing import Any

from openpyxl.utils.cell import column_index_from_string
from openpyxl.xml.constants import SHEET_MAIN_NS

_ROW_TAG = f"{{{SHEET_MAIN_NS}}}row"
_CELL_TAG = f"{{{SHEET_MAIN_NS}}}c"
_VALUE_TAG = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA_TAG = f"{{{SHEET_MAIN_NS}}}f"
_INLINE_STRING_TAG = f"{{{SHEET_MAIN_NS}}}is"


def surveyed_width(worksheet: Any) -> int | None:
    """1-based column of the rightmost cell holding a value in any row; None if unavailable."""
    try:
        from lxml import etree

        source = worksheet._get_source()  # the sheet's XML member in the open archive
    except (ImportError, AttributeError):
        return None
    width = 0
    with source:
        rows = etree.iterparse(
            source, tag=_ROW_TAG, resolve_entities=False, no_network=True, huge_tree=False
        )
        for _, row in rows:
            width = max(width, _last_value_column(row))
            row.clear(keep_tail=True)
            while row.getprevious() is not None:  # drop parsed rows, keep memory flat
                del row.getparent()[0]
    return width


def _last_value_column(row: Any) -> int:
    for cell in reversed(row):
        if cell.tag == _CELL_TAG and _holds_value(cell):
            reference = cell.get("r")
            if reference is None:
                return _position_of(row, cell)
            return _column_number(reference.rstrip("0123456789"))
    return 0


def _position_of(row: Any, target: Any) -> int:
    """Column of a cell stored without a reference: one after the cell before it."""
    column = 0
    for cell in row:
        if cell.tag != _CELL_TAG:
            continue
        reference = cell.get("r")
        column = _column_number(reference.rstrip("0123456789")) if reference else column + 1
        if cell is target:
            break
    return column


@functools.lru_cache(maxsize=1024)
def _column_number(letters: str) -> int:
    return column_index_from_string(letters)


def _holds_value(cell: Any) -> bool:
    for child in cell:
        if child.tag in (_FORMULA_TAG, _INLINE_STRING_TAG):
            return True
        if child.tag == _VALUE_TAG and child.text:
            return True
    return False
