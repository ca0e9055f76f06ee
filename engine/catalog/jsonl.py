"""JSON Lines: one JSON object per line, one sheet per file (named after the file).

Reading: blank lines are skipped; the header is every key in first-seen order over the file;
values keep their JSON types (nested lists and objects pass through unchanged). A key absent
from a record reads as :data:`~polyshelf.catalog.model.MISSING`, not None, so that it stays
absent when written back, while JSON ``null`` stays ``null``.

Writing: one object per row with the header's keys in order; MISSING cells are left out, dates
become ISO 8601 strings. jsonl is not opened by spreadsheets, so formula-like text is written
unchanged (no ``'`` prefix) and control characters are kept (JSON escapes them); only surrogate
code points that UTF-8 cannot encode force a line to be written with ``\\u`` escapes.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from polyshelf.catalog.cells import has_surrogates, iso_text
from polyshelf.catalog.model import MISSING, CatalogReader, CatalogWriter, Row, RowValue
from polyshelf.catalog.registry import register_format
from polyshelf.errors import InputError
from polyshelf.issues import Issue, Severity

RULE_DUPLICATE_KEY = "jsonl.duplicate_key"


@register_format(".jsonl")
class JsonlReader(CatalogReader):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._header: list[str] | None = None

    def sheet_names(self) -> list[str]:
        return [self.path.stem]

    def header(self, sheet: str) -> list[str]:
        self._require_sheet(sheet)
        if self._header is None:
            keys: dict[str, None] = {}
            for record in self._records():
                keys.update(dict.fromkeys(record))
            self._header = list(keys)
        return list(self._header)

    def rows(self, sheet: str) -> Iterator[Row]:
        header = self.header(sheet)
        return (
            Row(tuple(record.get(key, MISSING) for key in header)) for record in self._records()
        )

    def _records(self) -> Iterator[dict[str, Any]]:
        line_number = 0
        try:
            with self.path.open(encoding="utf-8-sig") as stream:
                for line_number, line in enumerate(stream, start=1):
                    if line.strip():
                        yield self._parse(line, line_number)
        except UnicodeDecodeError as exc:
            raise InputError(
                f"{self.path.name}: not UTF-8 text near line {line_number + 1} ({exc.reason})"
            ) from exc

    def _parse(self, line: str, line_number: int) -> dict[str, Any]:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{self.path.name} line {line_number}: not a JSON object ({exc.msg}, "
                f"column {exc.colno})"
            ) from exc
        if not isinstance(record, dict):
            raise InputError(
                f"{self.path.name} line {line_number}: not a JSON object "
                f"(found {_json_type(record)})"
            )
        return record


@register_format(".jsonl")
class JsonlWriter(CatalogWriter):
    multi_sheet = False

    def _start(self, temp_path: Path, like: CatalogReader | None) -> None:
        self._stream = temp_path.open("w", encoding="utf-8", newline="\n")

    def _write_sheet(self, name: str, header: list[str], rows: Iterable[Row]) -> None:
        keys = self._unique_keys(name, header)
        for row_number, row in enumerate(rows, start=2):
            if len(row.values) > len(keys):
                raise ValueError(
                    f"row {row_number} of {name!r} has {len(row.values)} values "
                    f"for {len(keys)} columns"
                )
            record = {
                key: _json_value(value)
                for key, value in zip(keys, row.values, strict=False)
                if value is not MISSING
            }
            self._stream.write(_dumps(record) + "\n")

    def _finish(self) -> None:
        self._stream.close()

    def _release(self) -> None:
        stream = getattr(self, "_stream", None)
        if stream is not None:
            stream.close()

    def _unique_keys(self, sheet: str, header: list[str]) -> list[str]:
        """Header names as object keys; a repeated name gets " (2)" so no value is lost."""
        keys: list[str] = []
        seen: set[str] = set()
        for name in header:
            key, number = name, 1
            while key in seen:
                number += 1
                key = f"{name} ({number})"
            if key != name:
                issue = Issue(
                    RULE_DUPLICATE_KEY,
                    Severity.WARNING,
                    f"column name {name!r} is repeated; written as key {key!r}",
                    params={"key": key},
                    fixed=True,
                )
                self._report(sheet, 1, name, issue)
            seen.add(key)
            keys.append(key)
        return keys


def _json_value(value: RowValue) -> Any:
    if isinstance(value, datetime.date | datetime.time):
        return iso_text(value)
    return value


def _dumps(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, default=str)
    # UTF-8 cannot encode surrogates; \u escapes keep them exactly.
    return json.dumps(record, default=str) if has_surrogates(line) else line


def _json_type(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return "a number"
