"""Rules on the shape of a target: field length, whitespace, final punctuation."""

from __future__ import annotations

import re

from polyshelf.issues import Issue, Severity
from polyshelf.rules.base import Rule, RuleContext
from polyshelf.rules.registry import register_rule
from polyshelf.rules.textmask import MaskedText, apply_edits, free_matches, mask_text

_INNER_SPACES_RE = re.compile(r"(?<=\S) {2,}(?=\S)")
_END_MARKS = ".!?:…。！？؟"
_EQUIVALENT_END = {"…": ".", "。": ".", "！": "!", "？": "?", "؟": "?"}
_CLOSERS = "\"'”’“»)]"


@register_rule
class MaxLengthRule(Rule):
    id = "max-length"
    severity = Severity.ERROR
    default_enabled = True
    description = "The target is longer than the market allows for this column (never truncated)."

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        limit = ctx.market.max_length(ctx.column)
        if limit is None or len(target) <= limit:
            return []
        return [
            self.issue(
                f"{ctx.column} is {len(target)} characters, {ctx.market.locale} allows {limit}",
                (limit, len(target)),
                limit=str(limit),
                length=str(len(target)),
            )
        ]


@register_rule
class WhitespaceRule(Rule):
    id = "whitespace"
    severity = Severity.WARNING
    default_enabled = True
    order = 10
    description = "Double spaces, and leading/trailing whitespace that differs from the source."

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        issues = []
        lead, trail = _edges(target)
        source_lead, source_trail = _edges(ctx.source)
        if target.strip() and lead != source_lead:
            issues.append(self.issue("leading whitespace differs from the source", (0, len(lead))))
        if target.strip() and trail != source_trail:
            end = len(target)
            issues.append(
                self.issue("trailing whitespace differs from the source", (end - len(trail), end))
            )
        for match in free_matches(_INNER_SPACES_RE, mask_text(target)):
            issues.append(self.issue("double space", match.span()))
        return issues

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        if not target.strip():
            return None
        lead, trail = _edges(target)
        source_lead, source_trail = _edges(ctx.source)
        core = target[len(lead) : len(target) - len(trail)]
        edits = [(m.start(), m.end(), " ") for m in free_matches(_INNER_SPACES_RE, mask_text(core))]
        return source_lead + apply_edits(core, edits) + source_trail


def _edges(text: str) -> tuple[str, str]:
    stripped = text.strip()
    if not stripped:
        return text, ""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return text[:start], text[end:]


@register_rule
class PunctuationEndRule(Rule):
    id = "punctuation-end"
    severity = Severity.WARNING
    default_enabled = True
    order = 30
    description = (
        "The source ends with . ! ? : and the target does not, or the other way round. Fix: a "
        "missing full stop is added; a surplus one is removed unless it may end an abbreviation."
    )

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        source_end = _end_mark(mask_text(ctx.source))
        masked = mask_text(target)
        target_end = _end_mark(masked)
        if source_end == target_end or not target.strip() or not ctx.source.strip():
            return []
        position = _visible_end(masked)
        span = (max(position - 1, 0), position)
        if source_end and not target_end:
            return [self.issue(f"missing final '{source_end}'", span, expected=source_end)]
        if target_end and not source_end:
            return [self.issue(f"final '{target_end}' not in the source", span, found=target_end)]
        return [
            self.issue(
                f"ends with '{target_end}', the source with '{source_end}'",
                span,
                expected=source_end,
                found=target_end,
            )
        ]

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        source_end = _end_mark(mask_text(ctx.source))
        masked = mask_text(target)
        target_end = _end_mark(masked)
        position = _visible_end(masked)
        if target_end == "." and not source_end and position > 1:
            # MT often ends a title with a full stop; drop it unless it ends an abbreviation.
            word = re.search(r"[\w.]*\.$", target[:position])
            stem = word.group()[:-1] if word else ""
            if len(stem) > 3 and "." not in stem and stem.casefold() not in _ABBREVIATIONS:
                return target[: position - 1] + target[position:]
            return None
        if source_end != "." or target_end:
            return None
        if position == 0 or not target[position - 1].isalnum():
            return None
        return target[:position] + "." + target[position:]


# Abbreviations whose full stop is part of the word (de, fr, en), longer than three letters.
_ABBREVIATIONS = frozenset({"inkl", "exkl", "zzgl", "bzgl", "incl", "excl", "approx", "env", "etc"})


def _visible_end(masked: MaskedText) -> int:
    """Position after the last character that is neither whitespace nor inside a closing tag;
    a placeholder at the end counts as text."""
    position = len(masked.text.rstrip())
    while position:
        span = masked.span_at(position - 1)
        if span is None or span.kind != "tag":
            break
        position = len(masked.text[: span.start].rstrip())
    return position


def _end_mark(masked: MaskedText) -> str:
    stripped = masked.text[: _visible_end(masked)].rstrip(_CLOSERS + " \u00a0\u202f")
    if not stripped or stripped[-1] not in _END_MARKS:
        return ""
    return _EQUIVALENT_END.get(stripped[-1], stripped[-1])
