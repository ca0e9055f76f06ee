"""Reading the CSV files of terminology (termbases, attribute dictionaries) with one-line errors.

Files are UTF-8, with or without a byte order mark; errors name the file and, where there is
one, the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from polyshelf.errors import InputError


def csv_rows(path: Path, *, comments: bool = False) -> Iterator[tuple[int, list[str]]]:
    """The non-blank rows of ``path`` with the line each ends on, cells as written.

    The file is read at once (InputError if it cannot be, or is not UTF-8); a malformed row
    raises InputError when it is reached. With ``comments``, rows whose first cell starts with
    ``#`` are skipped too.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (save the CSV as UTF-8)") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return _rows(path, text, comments)


def check_width(path: Path, line: int, header: Sequence[str], row: Sequence[str]) -> None:
    """InputError if ``row`` has a non-empty cell beyond the columns of ``header``."""
    if any(cell.strip() for cell in row[len(header) :]):
        raise InputError(f"{path}, line {line}: more cells than columns")


def _rows(path: Path, text: str, comments: bool) -> Iterator[tuple[int, list[str]]]:
    rows = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue
            if comments and row[0].lstrip().startswith("#"):
                continue
            yield rows.line_num, row
    except csv.Error as exc:
        raise InputError(f"{path}, line {rows.line_num}: {exc}") from exc
