"""Review states, the transitions reviewers may make, and the review queue's records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from polyshelf.errors import InputError

DRAFT = "draft"
NEEDS_REVIEW = "needs_review"
AUTO_APPROVED = "auto_approved"
APPROVED = "approved"
REJECTED = "rejected"
NEEDS_REWRITING = "needs_rewriting"

MACHINE_STATES = frozenset({DRAFT, NEEDS_REVIEW, AUTO_APPROVED})
STATES = (DRAFT, NEEDS_REVIEW, AUTO_APPROVED, APPROVED, REJECTED, NEEDS_REWRITING)
STATE_ALIASES = {"mt": DRAFT}

# Reviewer-initiated state changes; edit may also keep the state it finds.
TRANSITIONS: Mapping[str, frozenset[str]] = {
    DRAFT: frozenset({NEEDS_REVIEW, APPROVED, REJECTED}),
    AUTO_APPROVED: frozenset({NEEDS_REVIEW, APPROVED, REJECTED}),
    NEEDS_REVIEW: frozenset({APPROVED, REJECTED}),
    NEEDS_REWRITING: frozenset({NEEDS_REVIEW, APPROVED, REJECTED}),
    APPROVED: frozenset({NEEDS_REVIEW, REJECTED}),
    REJECTED: frozenset({NEEDS_REVIEW, APPROVED}),
}

SYSTEM_USER = "polyshelf"


@dataclass(frozen=True)
class CheckNote:
    rule_id: str
    severity: str = ""
    message: str = ""


@dataclass(frozen=True)
class ReviewItem:
    id: int
    job_key: str
    unit_key: str
    locale: str
    src_lang: str
    source: str
    target: str
    mt_target: str
    model_id: str
    score: float | None
    checks: tuple[CheckNote, ...]
    suppressed: dict[str, str] = field(compare=False, hash=False)
    sentence_bleu: float | None = None
    sentence_chrf: float | None = None
    state: str = DRAFT
    human_edited: bool = False
    created_at: str = ""
    updated_at: str = ""
    updated_by: str = ""

    @property
    def active_checks(self) -> tuple[CheckNote, ...]:
        """The checks not suppressed on this item."""
        return tuple(c for c in self.checks if c.rule_id not in self.suppressed)


@dataclass(frozen=True)
class HistoryEntry:
    item_id: int
    at: str
    who: str
    action: str
    old_state: str | None
    new_state: str | None
    old_target: str | None
    new_target: str | None
    comment: str | None


def normalize_state(state: str) -> str:
    state = STATE_ALIASES.get(state, state)
    if state not in STATES:
        raise InputError(f"unknown review state {state!r}; use one of {', '.join(STATES)}")
    return state
