"""Delimited text: .csv (delimiter sniffed) and .tsv (tab).

Reading: the encoding is UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252, else
latin-1 (which decodes any bytes); the file is scanned once to check this. Every value is a str,
never converted to a number, so ``0017`` stays ``0017``. Quoted cells may span lines.

Writing: UTF-8 with a BOM (so Excel detects it), CRLF line ends. A .tsv output is tab-separated;
a .csv output reuses the delimiter of a .csv input passed as ``like=`` (German Excel files use
``;``), else ``,``; ``CsvWriter(path, delimiter=";")`` sets it directly. Formula-like cells get a
leading ``'`` (OWASP CSV-injection rule) unless they are plain numbers; control characters are
kept except NUL.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from polyshelf.catalog.cells import CSV_RULES, apply_cell_rules, cell_text, column_label
from polyshelf.catalog.model import CatalogReader, CatalogWriter, Row
from polyshelf.catalog.registry import register_format
from polyshelf.catalog.shape import shape_header, shape_rows, table_width
from polyshelf.errors import ConfigError, InputError

DELIMITERS = ",;\t|"
# Excel writes and honours a first line "sep=;" naming the delimiter.
_EXCEL_SEP_LINE = re.compile(r"sep=(.)\r?\n")
_SNIFF_CHARS = 64 * 1024
_SCAN_BYTES = 1 << 20
# Product descriptions with inline HTML can exceed the csv module's default 128 KiB per field.
_FIELD_SIZE_LIMIT = 64 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(path: Path) -> str:
    """The encoding to read ``path`` with: BOM, else strict UTF-8, else cp1252, else latin-1."""
    with path.open("rb") as stream:
        start = stream.read(4)
        for bom, encoding in _BOMS:
            if start.startswith(bom):
                return encoding
        for encoding in ("utf-8", "cp1252"):
            stream.seek(0)
            if _decodes(stream, encoding):
                return encoding
    return "latin-1"


def sniff_delimiter(sample: str, default: str = ",") -> str:
    """The delimiter among DELIMITERS that splits ``sample`` into the most consistent table."""
    lines = sample.splitlines(keepends=True)
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines.pop()  # the sample may end inside a record
    text = "".join(lines)
    if not text.strip():
        return default
    scores = {delimiter: _split_score(text, delimiter) for delimiter in DELIMITERS}
    best = max(DELIMITERS, key=lambda delimiter: scores[delimiter])
    try:
        sniffed = csv.Sniffer().sniff(text, delimiters=DELIMITERS).delimiter
    except csv.Error:
        sniffed = None
    # Sniffer alone misreads prose with many commas; keep its answer only if it splits as well.
    if sniffed is not None and scores[sniffed] >= scores[best]:
        return sniffed
    return best if scores[best] > (0.0, 1) else default


@register_format(".csv", ".tsv")
class CsvReader(CatalogReader):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.encoding = detect_encoding(self.path)
        self._has_sep_line = False
        self.delimiter = "\t" if self.path.suffix.lower() == ".tsv" else self._sniff()
        self._width: int | None = None

    def sheet_names(self) -> list[str]:
        return [self.path.stem]

    def header(self, sheet: str) -> list[str]:
        self._require_sheet(sheet)
        records = self._records()
        first = next(records, None)
        return shape_header(first or [], self._table_width())

    def rows(self, sheet: str) -> Iterator[Row]:
        self._require_sheet(sheet)
        width = self._table_width()
        records = self._records()
        next(records, None)  # the header
        return shape_rows(((values, None) for values in records), width, fill="")

    def _table_width(self) -> int:
        if self._width is None:
            records = self._records()
            first = next(records, None)
            self._width = 0 if first is None else table_width(first, records)
        return self._width

    def _sniff(self) -> str:
        with self._open() as stream:
            sample = stream.read(_SNIFF_CHARS)
        sep_line = _EXCEL_SEP_LINE.match(sample)
        if sep_line is not None:
            self._has_sep_line = True
            return sep_line.group(1)
        return sniff_delimiter(sample)

    def _open(self) -> TextIO:
        return self.path.open(encoding=self.encoding, newline="")

    def _records(self) -> Iterator[list[str]]:
        if csv.field_size_limit() < _FIELD_SIZE_LIMIT:
            csv.field_size_limit(_FIELD_SIZE_LIMIT)
        with self._open() as stream:
            if self._has_sep_line:
                stream.readline()
            reader = csv.reader(stream, delimiter=self.delimiter)
            try:
                yield from reader
            except csv.Error as exc:
                raise InputError(f"{self.path.name} line {reader.line_num}: {exc}") from exc


@register_format(".csv", ".tsv")
class CsvWriter(CatalogWriter):
    multi_sheet = False

    def __init__(
        self, path: Path, *, like: CatalogReader | None = None, delimiter: str | None = None
    ) -> None:
        if delimiter is not None and (len(delimiter) != 1 or delimiter in '"\r\n'):
            raise ConfigError("csv delimiter must be one character other than quote or newline")
        self._requested_delimiter = delimiter
        super().__init__(path, like=like)

    def _start(self, temp_path: Path, like: CatalogReader | None) -> None:
        self.delimiter = self._requested_delimiter or _default_delimiter(self.path, like)
        self._stream = temp_path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._stream, delimiter=self.delimiter)

    def _write_sheet(self, name: str, header: list[str], rows: Iterable[Row]) -> None:
        self._csv.writerow(self._texts(name, Row(tuple(header)), 1, header))
        for row_number, row in enumerate(rows, start=2):
            self._csv.writerow(self._texts(name, row, row_number, header))

    def _finish(self) -> None:
        self._stream.close()

    def _release(self) -> None:
        stream = getattr(self, "_stream", None)
        if stream is not None:
            stream.close()

    def _texts(self, sheet: str, row: Row, row_number: int, header: list[str]) -> list[str]:
        texts = []
        for index, value in enumerate(row.values):
            text = cell_text(value, row.format_at(index))
            text, issues = apply_cell_rules(text, CSV_RULES)
            for issue in issues:
                self._report(sheet, row_number, column_label(header, index), issue)
            texts.append(text)
        return texts


def _default_delimiter(path: Path, like: CatalogReader | None) -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    if isinstance(like, CsvReader) and like.path.suffix.lower() == ".csv":
        return like.delimiter
    return ","


def _decodes(stream: BinaryIO, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        while chunk := stream.read(_SCAN_BYTES):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _split_score(text: str, delimiter: str) -> tuple[float, int]:
    """(share of records as wide as the first, width of the first); (0, 1) for one column."""
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        records = [record for record in reader if record]
    except csv.Error:
        return (0.0, 1)
    if not records or len(records[0]) < 2:
        return (0.0, 1)
    width = len(records[0])
    consistent = sum(1 for record in records if len(record) == width)
    return (consistent / len(records), width)
