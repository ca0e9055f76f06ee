"""Property tests: random text cells survive a write and a read unchanged (up to format rules)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polyshelf.catalog.cells import neutralize_formula
from polyshelf.catalog.model import Row

from .contract import normalized, read_table, write_table

HEADER = ["SKU", "Name", "Description"]
# Characters every format can hold: no surrogates, and none of the control characters xlsx drops.
CELL_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="".join(map(chr, range(9)))
        + "\x0b\x0c\ufffe\uffff"
        + "".join(map(chr, range(14, 32))),
    ),
    max_size=40,
)
TABLES = st.lists(st.tuples(CELL_TEXT, CELL_TEXT, CELL_TEXT), max_size=6)
PROPERTY_SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _without_trailing_empty_rows(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    while rows and not any(rows[-1]):
        rows = rows[:-1]
    return rows


def _round_trip(suffix: str, rows: list[tuple[str, str, str]]) -> list[Row]:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / f"table{suffix}"
        write_table(path, HEADER, [Row(row) for row in rows])
        header, read_rows = read_table(path)
    assert header == HEADER
    return read_rows


@PROPERTY_SETTINGS
@given(TABLES)
def test_xlsx_round_trip_of_random_text(rows: list[tuple[str, str, str]]) -> None:
    read_rows = _round_trip(".xlsx", rows)
    expected = _without_trailing_empty_rows(rows)
    assert [normalized(row.values) for row in read_rows] == [normalized(row) for row in expected]


@PROPERTY_SETTINGS
@given(TABLES)
def test_csv_round_trip_of_random_text(rows: list[tuple[str, str, str]]) -> None:
    read_rows = _round_trip(".csv", rows)
    expected = [
        tuple(neutralize_formula(text) or text for text in row)
        for row in _without_trailing_empty_rows(rows)
    ]
    assert [row.values for row in read_rows] == expected
