"""Structural checks of a translated catalog against its input.

Every original cell intact, every non-empty source cell translated, and each target cell with
the same HTML tags (as a multiset) as its source and every digit of the source that is not part
of a measurement, price, percentage or date (those are converted and reformatted for the
locale). Localized price, unit and size columns are accepted as added columns. Used by the
acceptance tests and `bench/check_catalog.py`; it reads both files with the catalog readers.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from polyshelf.catalog.registry import open_reader
from polyshelf.localefmt.columns import plan_column_transforms
from polyshelf.localefmt.spans import find_locale_spans

_TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_LOCALE_COLUMN_RE = re.compile(
    r"^(?P<source>.+) \[(?P<locale>[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*)\]$"
)


def tag_multiset(text: str) -> Counter[str]:
    return Counter(
        ("/" if m.group(0).startswith("</") else "") + m.group(1).lower()
        for m in _TAG_RE.finditer(text)
    )


def digit_multiset(text: str) -> Counter[str]:
    return Counter(ch for ch in text if ch.isdigit())


def kept_digits(source: str) -> Counter[str]:
    """Digits of the source outside locale spans: these must all reach the translation."""
    pieces, position = [], 0
    for start, end, _ in find_locale_spans(source):
        pieces.append(source[position:start])
        position = end
    pieces.append(source[position:])
    return digit_multiset(" ".join(pieces))


def _base_name(name: str) -> str:
    """`Width (in)` → `Width`: a localized unit column renames its bracket."""
    return name.split(" (")[0].strip()


@dataclass
class VerifyReport:
    cells_checked: int = 0
    targets_checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_output(input_path: Path, output_path: Path, max_problems: int = 50) -> VerifyReport:
    report = VerifyReport()

    def problem(text: str) -> None:
        if len(report.problems) < max_problems:
            report.problems.append(text)

    with open_reader(input_path) as src, open_reader(output_path) as out:
        names_in, names_out = src.sheet_names(), out.sheet_names()
        if len(names_out) == len(names_in) + 1 and names_out[-1].startswith("QA"):
            names_out = names_out[:-1]  # the QA sheet the job adds to workbooks
        # csv/jsonl name their one sheet after the file, so sheets pair by position.
        if len(names_in) != len(names_out) or (len(names_in) > 1 and names_in != names_out):
            problem(f"sheets differ: {names_in} vs {names_out}")
            return report
        for sheet, out_sheet in zip(names_in, names_out, strict=True):
            header, new_header = src.header(sheet), out.header(out_sheet)
            if new_header[: len(header)] != header:
                problem(f"{sheet}: header changed")
                continue
            rows_in, rows_out = list(src.rows(sheet)), list(out.rows(out_sheet))
            localized = {
                _base_name(t.column)
                for t in plan_column_transforms(header, [list(r.values) for r in rows_in[:200]])
            }
            added = []
            for index, name in enumerate(new_header[len(header) :], start=len(header)):
                match = _LOCALE_COLUMN_RE.match(name)
                base = _base_name(match.group("source")) if match else ""
                if match and base in localized:
                    continue  # a price, unit or size column localized for the locale
                if not match or match.group("source") not in header:
                    problem(f"{sheet}: unexpected added column {name!r}")
                    continue
                added.append((header.index(match.group("source")), index, name))
            if len(rows_in) != len(rows_out):
                problem(f"{sheet}: {len(rows_in)} rows in, {len(rows_out)} out")
                continue
            for number, (a, b) in enumerate(zip(rows_in, rows_out, strict=True), start=2):
                for col, (old, new) in enumerate(
                    zip(a.values, b.values[: len(header)], strict=True)
                ):
                    report.cells_checked += 1
                    if old != new:
                        problem(f"{sheet}!R{number} {header[col]!r}: {old!r} became {new!r}")
                for src_i, tgt_i, name in added:
                    source, target = a.values[src_i], b.values[tgt_i]
                    if not isinstance(source, str) or not source.strip():
                        continue
                    report.targets_checked += 1
                    where = f"{sheet}!R{number} {name!r}"
                    if not isinstance(target, str) or not target.strip():
                        problem(f"{where}: no translation")
                        continue
                    if tag_multiset(source) != tag_multiset(target):
                        problem(f"{where}: tags differ")
                    if kept_digits(source) - digit_multiset(target):
                        problem(f"{where}: digits lost")
    return report
