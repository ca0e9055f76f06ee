"""The source cells of a job: every non-empty text cell, with a key that names its place.

The key (``sheet!row-key!column``) ties a cell to its review item across runs. When a sheet has
an identifier column (SKU, ID, handle...) the row key is that value, so sorting or inserting
rows does not move approved translations to other products; otherwise it is the row number.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from polyshelf.catalog.model import CatalogReader, Row, is_empty_cell

_ID_HEADER = re.compile(
    r"^\s*(?:sku|id|product[ _-]?id|item[ _-]?(?:id|number|no\.?)|article[ _-]?(?:number|no\.?)|"
    r"handle|slug|ean|gtin|upc|mpn|part[ _-]?number)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SourceCell:
    sheet: str
    row: int  # spreadsheet row: the header is row 1
    column: str
    text: str
    key: str
    attribute: str | None = None  # attribute dictionary for short values (colour, size...)
    references: tuple[tuple[str, str], ...] = ()  # (locale, reference translation)

    def reference(self, locale: str) -> str | None:
        return next((text for loc, text in self.references if loc == locale), None)


_REFERENCE_HEADER = re.compile(
    r"^(?P<column>.+?) \[(?P<locale>[^\[\]]+)\]\s*\(?ref(?:erence)?\)?$", re.I
)


def reference_columns(
    header: Sequence[str], columns: Sequence[str], locales: Sequence[str]
) -> dict[tuple[str, str], int]:
    """(column, locale) → index of its reference column, headed ``Name [de] (reference)``."""
    found: dict[tuple[str, str], int] = {}
    wanted = {c.casefold(): c for c in columns}
    by_locale = {loc.casefold(): loc for loc in locales}
    for index, name in enumerate(header):
        match = _REFERENCE_HEADER.match(str(name).strip())
        if match is None:
            continue
        column = wanted.get(match.group("column").strip().casefold())
        locale = by_locale.get(match.group("locale").strip().casefold())
        if column is not None and locale is not None:
            found[(column, locale)] = index
    return found


def id_column(header: Sequence[str], sample: Sequence[Row]) -> int | None:
    """Index of the first identifier column whose sampled values are present and unique."""
    for index, name in enumerate(header):
        if not _ID_HEADER.match(str(name)):
            continue
        values = [row.values[index] if index < len(row.values) else None for row in sample]
        present = [str(v).strip() for v in values if not is_empty_cell(v) and str(v).strip()]
        if present and len(present) == len(values) and len(set(present)) == len(present):
            return index
    return None


class _RowKeys:
    """Row keys of one sheet: the identifier value (made unique), else the row number."""

    def __init__(self, header: Sequence[str], id_index: int | None) -> None:
        self.name = str(header[id_index]) if id_index is not None else ""
        self.id_index = id_index
        self.seen: Counter[str] = Counter()

    def key(self, row_number: int, row: Row) -> str:
        index = self.id_index
        value = row.values[index] if index is not None and index < len(row.values) else None
        if index is None or is_empty_cell(value) or not str(value).strip():
            return f"R{row_number}"
        base = f"{self.name}={str(value).strip()}"
        self.seen[base] += 1
        return base if self.seen[base] == 1 else f"{base}#{self.seen[base]}"


def scan_cells(
    reader: CatalogReader,
    columns: Mapping[str, Sequence[str]],
    attributes: Mapping[tuple[str, str], str] | None = None,
    sample_rows: int = 200,
    locales: Sequence[str] = (),
) -> list[SourceCell]:
    """Every non-empty text cell of the chosen columns, sheet by sheet, row by row, with the
    reference translations the sheet holds for it."""
    attributes = attributes or {}
    cells: list[SourceCell] = []
    for sheet, names in columns.items():
        header = reader.header(sheet)
        sample = [row for _, row in zip(range(sample_rows), reader.rows(sheet), strict=False)]
        keys = _RowKeys(header, id_column(header, sample))
        indices = [(header.index(c), c) for c in names]
        refs = reference_columns(header, names, locales)
        for row_number, row in enumerate(reader.rows(sheet), start=2):
            row_key = keys.key(row_number, row)
            for index, column in indices:
                value = row.values[index] if index < len(row.values) else None
                if isinstance(value, str) and value.strip():
                    references = tuple(
                        (locale, text)
                        for (ref_column, locale), ref_index in refs.items()
                        if ref_column == column
                        and ref_index < len(row.values)
                        and isinstance(text := row.values[ref_index], str)
                        and text.strip()
                    )
                    cells.append(
                        SourceCell(
                            sheet,
                            row_number,
                            column,
                            value,
                            f"{sheet}!{row_key}!{column}",
                            attributes.get((sheet, column)),
                            references,
                        )
                    )
    return cells
