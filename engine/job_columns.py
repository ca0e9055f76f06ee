"""Which columns a job translates, and which it localizes (prices, units, sizes)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from polyshelf.catalog.columns import detect_text_columns, select_columns
from polyshelf.catalog.model import CatalogReader
from polyshelf.errors import InputError
from polyshelf.localefmt.columns import ColumnTransform, plan_column_transforms
from polyshelf.terms.attributes import AttributeDictionaries

SAMPLE_ROWS = 200  # rows looked at to detect text columns

Notice = Callable[[str], None]


def choose_columns(
    reader: CatalogReader,
    requested: Sequence[str] | None,
    attributes: AttributeDictionaries,
    notice: Notice,
) -> dict[str, list[str]]:
    """Sheet → columns to translate: the requested ones, or the detected text columns plus
    the attribute columns that have a dictionary (Colour, Size, Material)."""
    headers = {name: reader.header(name) for name in reader.sheet_names()}
    non_empty = {name: h for name, h in headers.items() if h}
    if not non_empty:
        raise InputError(f"{reader.path.name} has no data: every sheet is empty")
    if requested:
        return requested_columns(list(requested), non_empty)
    chosen: dict[str, list[str]] = {}
    for name, header in non_empty.items():
        sample = [row for _, row in zip(range(SAMPLE_ROWS), reader.rows(name), strict=False)]
        detected = detect_text_columns(header, sample)
        columns = [
            h for h in header if h in detected or attributes.attribute_for_column(h) is not None
        ]
        if columns:
            chosen[name] = columns
            notice(
                f"sheet {name!r}: translating {', '.join(columns)} "
                "(detected; choose with --columns)"
            )
    if not chosen:
        raise InputError(f"no text columns found in {reader.path.name}; name them with --columns")
    return chosen


def requested_columns(wanted: list[str], headers: dict[str, list[str]]) -> dict[str, list[str]]:
    """--columns: each sheet translates the requested columns it has; each must exist."""

    def key(name: str) -> str:
        return name.strip().casefold()

    chosen = {}
    for sheet, header in headers.items():
        keys = {key(h) for h in header}
        present = [c for c in wanted if key(c) in keys]
        if present:
            chosen[sheet] = select_columns(header, present)
    all_keys = {key(h) for header in headers.values() for h in header}
    missing = [c for c in wanted if key(c) not in all_keys]
    if missing:
        # select_columns words the error: names the column, lists the headers.
        select_columns(next(iter(headers.values())), missing)
    return chosen


def column_transforms(
    reader: CatalogReader, columns: dict[str, list[str]], notice: Notice
) -> dict[str, list[ColumnTransform]]:
    """Price, unit and size columns that get a localized copy per locale."""
    transforms: dict[str, list[ColumnTransform]] = {}
    for sheet in reader.sheet_names():
        header = reader.header(sheet)
        if not header:
            continue
        sample = [
            list(row.values) for _, row in zip(range(SAMPLE_ROWS), reader.rows(sheet), strict=False)
        ]
        found = [
            t
            for t in plan_column_transforms(header, sample)
            if t.column not in columns.get(sheet, [])
        ]
        if found:
            transforms[sheet] = found
            notice(
                f"sheet {sheet!r}: localizing {', '.join(t.column for t in found)} "
                "(prices, units, sizes)"
            )
    return transforms
