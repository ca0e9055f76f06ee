"""Translation-memory csv: a header row, then one row per unit.

Columns ``source,target,src_lang,tgt_lang,note`` are written (UTF-8 with a BOM, CRLF, so
Excel opens it); reading needs ``source`` and ``target`` and takes the others when present, in
any order and case, with ``,``, ``;`` or tab as delimiter (found from the header row).

Formula-like cells: spreadsheets open csv files, so text a spreadsheet could run as a formula
is written with a leading ``'`` (the catalog csv writer's rule, :func:`looks_like_formula`).
To keep that reversible, text that starts with ``'`` followed by such text gets one more
``'``; reading removes exactly one ``'`` from cells of that shape. So ``=SUM(A1)`` and
``'=SUM(A1)`` both read back as they were, and no other cell is ever changed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from polyshelf.catalog.cells import looks_like_formula
from polyshelf.catalog.csv_format import detect_encoding
from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output
from polyshelf.interchange.units import BilingualUnit

COLUMNS = ("source", "target", "src_lang", "tgt_lang", "note")
REQUIRED = ("source", "target")
_DELIMITERS = ",;\t"


def write_tm_csv(path: Path, units: Iterable[BilingualUnit]) -> None:
    """Write the units as a TM csv, tab-separated for ``.tsv`` (atomically); InputError if a
    text cannot be encoded."""
    path = Path(path)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter="\t" if path.suffix.lower() == ".tsv" else ",")
    writer.writerow(COLUMNS)
    for unit in units:
        writer.writerow(
            [
                protect_formula(unit.source),
                protect_formula(unit.target),
                unit.src_lang,
                unit.tgt_lang,
                protect_formula(unit.note),
            ]
        )
    try:
        data = buffer.getvalue().encode("utf-8-sig")
    except UnicodeEncodeError as exc:
        raise InputError(f"cannot write {path.name}: text holds invalid Unicode ({exc})") from None
    with atomic_output(path) as temp_path:
        temp_path.write_bytes(data)


def read_tm_csv(path: Path, src_lang: str, tgt_lang: str) -> list[BilingualUnit]:
    """The rows of a TM csv as units for ``src_lang``→``tgt_lang``.

    Rows whose own src_lang/tgt_lang cells name another language are left out (``de-DE``
    matches ``de``); empty language cells take the given ones. Unit ids are the rows'
    numbers, counting the header as row 1 (a row whose cells hold line breaks is one row).
    """
    path = Path(path)
    try:
        encoding = detect_encoding(path)
        with path.open(encoding=encoding, newline="") as stream:
            text = stream.read()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except UnicodeError as exc:
        raise InputError(f"{path.name} is not readable text ({exc})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    if text.startswith("\ufeff"):
        text = text[1:]
    header_line = text.split("\n", 1)[0]
    # Supplier files often name the columns by language ("en;de") instead of source/target.
    aliases = {src_lang.casefold(): "source", tgt_lang.casefold(): "target"}
    delimiter = next(
        (
            d
            for d in _DELIMITERS
            if {aliases.get(n, n) for n in _header_names(header_line, d)} >= set(REQUIRED)
        ),
        None,
    )
    if delimiter is None:
        raise InputError(
            f"{path.name}: the first row must name the columns source and target "
            f"(or {src_lang} and {tgt_lang})"
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip().casefold() for name in next(reader)]
        if "source" not in header or "target" not in header:
            header = [aliases.get(name, name) for name in header]
        columns = {name: header.index(name) for name in COLUMNS if name in header}
        units = []
        for row_number, row in enumerate(reader, start=2):
            if not any(row):
                continue
            cells = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
            row_src, row_tgt = cells.get("src_lang", ""), cells.get("tgt_lang", "")
            if not (_lang_fits(row_src, src_lang) and _lang_fits(row_tgt, tgt_lang)):
                continue
            units.append(
                BilingualUnit(
                    id=str(row_number),
                    source=unprotect_formula(cells["source"]),
                    target=unprotect_formula(cells["target"]),
                    src_lang=row_src or src_lang,
                    tgt_lang=row_tgt or tgt_lang,
                    note=unprotect_formula(cells.get("note", "")),
                )
            )
    except csv.Error as exc:
        raise InputError(f"{path.name} line {reader.line_num}: {exc}") from None
    return units


def protect_formula(text: str) -> str:
    """``text`` as a csv cell: ``'`` in front when a spreadsheet could run it as a formula."""
    return "'" + text if looks_like_formula(text.lstrip("'")) else text


def unprotect_formula(cell: str) -> str:
    """The text :func:`protect_formula` wrote as ``cell``."""
    if cell.startswith("'") and looks_like_formula(cell.lstrip("'")):
        return cell[1:]
    return cell


def _header_names(line: str, delimiter: str) -> set[str]:
    return {name.strip().strip('"').casefold() for name in line.rstrip("\r").split(delimiter)}


def _lang_fits(cell: str, lang: str) -> bool:
    if not cell:
        return True
    cell, lang = cell.replace("_", "-").casefold(), lang.replace("_", "-").casefold()
    return cell == lang or cell.split("-")[0] == lang.split("-")[0]
