"""The catalog data model shared by every file format: rows, cell issues, reader and writer bases.

A catalog file is a list of sheets; each sheet is a header row (column names) and data rows.
Readers stream rows so large sheets never sit in memory whole; writers stream them out through
:func:`polyshelf.fileio.atomic_output`, so a failed run never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import datetime
import enum
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Self

from polyshelf.closing import Closing
from polyshelf.errors import ConfigError, InputError
from polyshelf.fileio import AtomicOutput
from polyshelf.issues import Issue

CellValue = str | int | float | bool | datetime.datetime | datetime.date | datetime.time | None


class Missing(enum.Enum):
    """A field absent from a jsonl record, as opposed to one that is JSON ``null``.

    Only the jsonl reader produces it, so that a jsonl round trip keeps absent keys absent;
    every other writer writes it as an empty cell. It is falsy, like an empty cell.
    """

    MISSING = "MISSING"

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "MISSING"


MISSING = Missing.MISSING

# What a Row can hold: spreadsheet cells, plus the jsonl extras (absent keys, nested JSON).
RowValue = CellValue | Missing | list[Any] | dict[str, Any]


def is_empty_cell(value: object) -> bool:
    """True for None, MISSING and the empty string: cells a writer leaves blank."""
    return value is None or value is MISSING or value == ""


@dataclass(frozen=True)
class Row:
    """One data row. ``formats`` holds the xlsx number_format per cell (None: General/unknown)."""

    values: tuple[RowValue, ...]
    formats: tuple[str | None, ...] | None = None

    def extended(self, extra: Sequence[RowValue]) -> Row:
        """This row with ``extra`` values appended (their formats are None)."""
        values = self.values + tuple(extra)
        if self.formats is None:
            return Row(values)
        padding = (None,) * (len(values) - len(self.formats))
        return Row(values, self.formats + padding)

    def format_at(self, index: int) -> str | None:
        if self.formats is None or index >= len(self.formats):
            return None
        return self.formats[index]


@dataclass(frozen=True)
class CellIssue:
    """Something a writer had to change or flag in one cell.

    ``row`` is the 1-based spreadsheet row (the header is row 1, the first data row is row 2);
    row 0 with column "" means the sheet as a whole (for example a renamed sheet).
    """

    sheet: str
    row: int
    column: str
    issue: Issue


def require_file(path: Path) -> None:
    if not path.exists():
        raise InputError(f"file not found: {path}")
    if not path.is_file():
        raise InputError(f"not a file: {path}")


class CatalogReader(Closing):
    """Reads one catalog file. Rows are streamed and ``rows()`` may be called repeatedly."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        require_file(self.path)

    @abstractmethod
    def sheet_names(self) -> list[str]: ...

    @abstractmethod
    def header(self, sheet: str) -> list[str]:
        """The header row as strings ('' for empty cells); [] for an empty sheet.

        It is as wide as the widest data row, so every row from ``rows()`` fits under it.
        """

    @abstractmethod
    def rows(self, sheet: str) -> Iterator[Row]:
        """Data rows after the header, each padded to the header's width."""

    def close(self) -> None:
        """Release open file handles (most readers hold nothing open between calls)."""

    def _require_sheet(self, sheet: str) -> None:
        names = self.sheet_names()
        if sheet not in names:
            available = ", ".join(repr(name) for name in names) or "none"
            raise InputError(f"{self.path.name} has no sheet {sheet!r}; sheets: {available}")


class CatalogWriter(ABC):
    """Writes one catalog file atomically: nothing appears at ``path`` unless ``close()`` succeeds.

    Leaving a ``with`` block normally commits; leaving it by an exception discards the output.
    After a ``write_sheet`` call has failed, ``close()`` discards instead of committing.
    ``like`` is the reader of the input file, so a writer can copy its layout (the csv writer
    reuses a csv input's delimiter); writers that need nothing from it ignore it.
    """

    # False for formats that hold a single table (csv, jsonl): a second write_sheet is refused.
    multi_sheet: ClassVar[bool] = True

    def __init__(self, path: Path, *, like: CatalogReader | None = None) -> None:
        self.path = Path(path)
        self.issues: list[CellIssue] = []
        self._output = AtomicOutput(self.path)
        self._sheet_count = 0
        self._failed = False
        self._closed = False
        temp_path = self._output.open()
        try:
            self._start(temp_path, like)
        except BaseException:
            self._output.discard()
            raise

    @property
    def committed(self) -> bool:
        """True once the output has been moved onto ``path``."""
        return self._closed and not self._failed

    def write_sheet(self, name: str, header: Sequence[str], rows: Iterable[Row]) -> None:
        """Write one sheet: the header row, then ``rows`` as they are produced."""
        if self._closed or self._failed:
            raise RuntimeError(f"writer for {self.path} is closed or has failed")
        if self._sheet_count and not self.multi_sheet:
            raise ConfigError(
                f"{self.path.name} holds a single sheet; write to .xlsx to keep several sheets"
            )
        self._sheet_count += 1
        try:
            self._write_sheet(name, list(header), rows)
        except BaseException:
            self._failed = True
            raise

    def close(self) -> None:
        """Finish the file and commit it onto ``path`` (or discard it after a failed write)."""
        if self._closed:
            return
        if self._failed:
            self.abort()
            return
        try:
            self._finish()
            self._output.commit()
        except BaseException:
            self._failed = True
            self.abort()
            raise
        self._closed = True

    def abort(self) -> None:
        """Discard everything written so far; ``path`` is left as it was."""
        self._failed = True
        self._closed = True
        # Whatever state the open handles are in, the temp file is deleted below.
        with contextlib.suppress(Exception):
            self._release()
        self._output.discard()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()

    def _report(self, sheet: str, row: int, column: str, issue: Issue) -> None:
        self.issues.append(CellIssue(sheet, row, column, issue))

    @abstractmethod
    def _start(self, temp_path: Path, like: CatalogReader | None) -> None:
        """Prepare to write into ``temp_path`` (the file exists and is empty)."""

    @abstractmethod
    def _write_sheet(self, name: str, header: list[str], rows: Iterable[Row]) -> None: ...

    @abstractmethod
    def _finish(self) -> None:
        """Write everything still buffered into the temp file and close it."""

    @abstractmethod
    def _release(self) -> None:
        """Close open handles without finishing the file."""
