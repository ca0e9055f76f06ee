"""The `QA` sheet of an output workbook: one row per remaining or fixed issue of a cell."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from polyshelf.catalog.model import CellIssue, Row

QA_HEADER = ["Sheet", "Row", "Column", "Locale", "Rule", "Severity", "Message", "Fixed"]
_TARGET_LABEL = re.compile(r"^(?P<column>.*) \[(?P<locale>[^\[\]]+)\]$")


def qa_sheet_name(existing: Sequence[str]) -> str:
    """`QA`, or `QA (Polyshelf)`… when the catalog has a sheet of that name already."""
    taken = {name.casefold() for name in existing}
    name, number = "QA", 1
    while name.casefold() in taken:
        number += 1
        name = "QA (Polyshelf)" if number == 2 else f"QA (Polyshelf {number})"
    return name


def _split_label(label: str, locales: Sequence[str]) -> tuple[str, str]:
    match = _TARGET_LABEL.match(label)
    if match and match.group("locale") in locales:
        return match.group("column"), match.group("locale")
    return label, ""


def qa_sheet_rows(
    issues: Sequence[CellIssue], locales: Sequence[str]
) -> tuple[list[str], Iterator[Row]]:
    """Header and rows, ordered by sheet, row, column; the row is the catalog's row number."""

    def rows() -> Iterator[Row]:
        for cell_issue in sorted(issues, key=lambda c: (c.sheet, c.row, c.column)):
            column, locale = _split_label(cell_issue.column, locales)
            issue = cell_issue.issue
            yield Row(
                (
                    cell_issue.sheet,
                    cell_issue.row,
                    column,
                    locale,
                    issue.rule_id,
                    str(issue.severity),
                    issue.message,
                    "yes" if issue.fixed else "no",
                )
            )

    return list(QA_HEADER), rows()
