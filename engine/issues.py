"""Issues: what checks, rules and stages report about a cell or segment.

An Issue is data (rule id, severity, message, optional span and parameters), never markup: the
CLI report, the QA sheet and the desktop app each render it their own way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Issue:
    rule_id: str
    severity: Severity
    message: str
    span: tuple[int, int] | None = None
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    fixed: bool = False
