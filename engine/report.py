"""The JSON run report written next to the output (`--report`)."""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from polyshelf.catalog.model import CellIssue
from polyshelf.fileio import atomic_output

MAX_LISTED_ISSUES = 2000  # the full counts are always given; the list itself is capped


@dataclass
class LocaleStats:
    locale: str
    model_id: str
    model_version: str
    device: str
    compute_type: str
    rows: int
    cells: int
    segments: int
    unique_segments: int
    translated: int  # segments sent to MT
    reused: int  # segment occurrences served without an MT call
    fallback: int
    seconds: float
    tm_hits: int = 0  # unique segments found in the translation memory
    from_review: int = 0  # cells whose approved translation came from the review queue
    from_dictionary: int = 0  # attribute values from an attribute dictionary
    states: dict[str, int] = field(default_factory=dict)  # cells by review state
    warnings: dict[str, int] = field(default_factory=dict)
    # The lowest length-normalized model scores: where a reviewer should look first.
    worst_segments: list[dict[str, object]] = field(default_factory=list)
    # Corpus BLEU/chrF against reference columns ("Name [de] (reference)"), when there are any.
    reference_scores: dict[str, object] = field(default_factory=dict)

    def count_warnings(self, issues: Sequence[CellIssue], locales: Sequence[str]) -> None:
        suffix = f" [{self.locale}]"
        counts = Counter(i.issue.rule_id for i in issues if i.column.endswith(suffix))
        self.warnings = dict(sorted(counts.items()))


@dataclass
class JobReport:
    input_path: Path
    output_path: Path
    source_lang: str
    columns: dict[str, list[str]] = field(default_factory=dict)
    locales: list[LocaleStats] = field(default_factory=list)
    cell_issues: list[CellIssue] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    seconds: float = 0.0
    review_counts: dict[str, int] = field(default_factory=dict)  # the whole queue, by state

    def issue_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "sheet": c.sheet,
                "row": c.row,
                "column": c.column,
                "rule_id": c.issue.rule_id,
                "severity": str(c.issue.severity),
                "message": c.issue.message,
                "fixed": c.issue.fixed,
            }
            for c in self.cell_issues
        ]

    def as_dict(self) -> dict[str, Any]:
        rows = self.issue_rows()
        return {
            "polyshelf_report": 1,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "input": str(self.input_path),
            "output": str(self.output_path),
            "source_lang": self.source_lang,
            "columns": self.columns,
            "seconds": round(self.seconds, 2),
            "locales": [asdict(s) for s in self.locales],
            "issue_counts": dict(sorted(Counter(r["rule_id"] for r in rows).items())),
            "issues": rows[:MAX_LISTED_ISSUES],
            "issues_truncated": max(0, len(rows) - MAX_LISTED_ISSUES),
            "review_counts": self.review_counts,
            "notices": self.notices,
        }

    def write(self, path: Path) -> None:
        with atomic_output(path) as tmp:
            tmp.write_text(
                json.dumps(self.as_dict(), indent=2, ensure_ascii=False, default=str) + "\n",
                encoding="utf-8",
            )
