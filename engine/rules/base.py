"""What every market rule is: a small class with an id, a severity and a check, maybe a fix."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from polyshelf.issues import Issue, Severity

if TYPE_CHECKING:
    from polyshelf.rules.market import MarketPack

# Parameters every rule accepts in a pack, besides its own.
COMMON_PARAMS = frozenset({"enabled", "fix", "severity"})


@dataclass(frozen=True)
class RuleContext:
    """What a rule knows about the cell it checks; ``params`` are that rule's pack parameters."""

    source: str
    locale: str
    column: str
    market: MarketPack
    is_html: bool = False
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def language(self) -> str:
        return self.locale.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class RuleResult:
    """The target after every applied fix, and the fixed and remaining issues."""

    text: str
    issues: list[Issue]

    @property
    def fixed(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.fixed]

    @property
    def remaining(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.fixed]


class Rule:
    """Base class. Subclasses set the class attributes and implement :meth:`check`.

    A :meth:`fix` must be safe: idempotent, and it never changes protected text (tags,
    attributes, URLs, placeholders, variables; see :mod:`polyshelf.rules.textmask`).
    """

    id: ClassVar[str]
    severity: ClassVar[Severity]
    # Enabled for every market unless its pack says {"enabled": false}; others only when listed.
    default_enabled: ClassVar[bool] = False
    # Fixes run in this order (lower first), so e.g. spaces are collapsed before NBSPs go in.
    order: ClassVar[int] = 100
    param_names: ClassVar[frozenset[str]] = frozenset()
    description: ClassVar[str] = ""

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        """Raise ValueError (one line) for a parameter this rule does not understand."""
        unknown = sorted(set(params) - COMMON_PARAMS - cls.param_names)
        if unknown:
            raise ValueError(f"unknown parameter(s) {', '.join(unknown)}")
        for flag in ("enabled", "fix"):
            if flag in params and not isinstance(params[flag], bool):
                raise ValueError(f"'{flag}' must be true or false")
        if "severity" in params and params["severity"] not in {s.value for s in Severity}:
            raise ValueError("'severity' must be info, warning or error")

    @classmethod
    def has_fix(cls) -> bool:
        return cls.fix is not Rule.fix

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        raise NotImplementedError

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        """The fixed target, or None when this rule cannot fix it safely."""
        return None

    def issue(self, message: str, span: tuple[int, int] | None = None, **params: str) -> Issue:
        return Issue(self.id, self.severity, message, span, dict(params))
