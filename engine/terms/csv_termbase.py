"""CSV termbases: ``source,target,src_lang,tgt_lang,market,dnt,case_sensitive,note``.

Any subset of these columns with ``source`` is accepted, so a two-column ``source,target`` file
works; languages missing from the rows come from the arguments, then from a file name such as
``en-de.csv`` (``en-de-CH.csv`` also sets the market). An empty ``tgt_lang`` cell on a DNT row,
in a file that has that column, means "every target language".
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.terms.csv_rows import check_width, csv_rows
from polyshelf.terms.model import Term, languages_from_file_name, make_term

COLUMNS = ("source", "target", "src_lang", "tgt_lang", "market", "dnt", "case_sensitive", "note")
_TRUE = {"1", "true", "yes", "y", "x"}
_FALSE = {"", "0", "false", "no", "n"}


def parse_flag(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"{value!r} is not yes/no")


class CsvTermbase:
    name = "CSV"
    suffixes = (".csv",)

    def read(
        self,
        path: Path,
        src_lang: str | None,
        tgt_lang: str | None,
        default_src_lang: str | None,
    ) -> list[Term]:
        rows = csv_rows(path, comments=True)
        name_src, name_tgt = languages_from_file_name(path.stem)
        header: list[str] | None = None
        terms: list[Term] = []
        for line, row in rows:
            if header is None:
                header = _read_header(path, line, row)
                continue
            check_width(path, line, header, row)
            cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
            src = cells.get("src_lang") or src_lang or name_src or default_src_lang
            if not src:
                raise InputError(
                    f"{path}, line {line}: no source language; add a src_lang "
                    "column, name the file like en-de.csv, or pass --from"
                )
            try:
                dnt = parse_flag(cells.get("dnt", ""))
                case_sensitive = parse_flag(cells.get("case_sensitive", ""))
                tgt = cells.get("tgt_lang") or None
                if tgt is None and not (dnt and "tgt_lang" in header):
                    tgt = tgt_lang or name_tgt
                terms.append(
                    make_term(
                        cells["source"],
                        cells.get("target") or None,
                        src,
                        tgt,
                        market=cells.get("market") or None,
                        dnt=dnt,
                        case_sensitive=case_sensitive,
                        note=cells.get("note", ""),
                    )
                )
            except ValueError as exc:
                raise InputError(f"{path}, line {line}: {exc}") from exc
        if header is None:
            raise InputError(f"{path}: empty termbase (no header row)")
        return terms

    def write(self, path: Path, terms: Sequence[Term]) -> None:
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(COLUMNS)
            for term in terms:
                writer.writerow(
                    [
                        term.source,
                        term.target or "",
                        term.src_lang,
                        term.tgt_lang or "",
                        term.market or "",
                        "true" if term.dnt else "false",
                        "true" if term.case_sensitive else "false",
                        term.note,
                    ]
                )


def _read_header(path: Path, line: int, row: list[str]) -> list[str]:
    header = [cell.strip().lower().replace(" ", "_") for cell in row]
    while header and not header[-1]:  # spreadsheet exports add empty trailing columns
        header.pop()
    for name in header:
        if name not in COLUMNS:
            raise InputError(
                f"{path}, line {line}: unknown column {name!r} (expected: {', '.join(COLUMNS)})"
            )
    if len(set(header)) != len(header):
        raise InputError(f"{path}, line {line}: a column appears twice")
    if "source" not in header:
        raise InputError(f"{path}, line {line}: no 'source' column")
    return header
