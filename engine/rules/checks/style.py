"""Style rules: formality of address (Sie/du, vous/tu) and capitalisation."""

from __future__ import annotations

import re
from collections.abc import Mapping

from polyshelf.issues import Issue, Severity
from polyshelf.rules.base import Rule, RuleContext
from polyshelf.rules.registry import register_rule
from polyshelf.rules.textmask import free_matches, mask_text

_W = r"(?<![\w'’-])"
_E = r"(?![\w-])"
# Informal German "you" in any case; "ihr" only as the subject before a verb ("ihr habt"),
# since a possessive "ihr"/"Ihr" (her, their, formal your) is followed by a noun or adjective.
_DE_INFORMAL = re.compile(
    _W
    + r"(?:du|dich|dir|dein(?:e[nmrs]?)?|euch|eu(?:er|re[nmrs]?))"
    + _E
    + r"|"
    + _W
    + r"ihr\s+(?=(?-i:seid|[a-zäöüß]+t)\b)",
    re.IGNORECASE,
)
# Formal German "you": capitalised Sie/Ihnen/Ihr... not at the start of a sentence.
_DE_FORMAL = re.compile(r"(?<=[\w,;)] )(?:Sie|Ihnen|Ihr(?:e[nmrs]?)?)" + _E)
# Informal French "you"; "ton" also means "tone" ("le ton", "ton sur ton"), so it needs no article
# or "sur" before it and no "sur ton" after it.
_FR_INFORMAL = re.compile(
    r"(?<![\w'’])(?:tu|toi|te|tes|ta|tien(?:ne)?s?)"
    + _E
    + r"|(?<![\w'’-])t['’](?=[aeiouyhéèêàâîô])"
    + r"|(?<!\ble )(?<!\bun )(?<!\bdu )(?<!\bau )(?<!\bde )(?<!\bsur )(?<!\bce )"
    + _W
    + r"ton"
    + _E
    + r"(?! sur ton)",
    re.IGNORECASE,
)
_FR_FORMAL = re.compile(_W + r"(?:vous|votre|vos)" + _E, re.IGNORECASE)
_PATTERNS = {
    ("de", "formal"): (_DE_INFORMAL, "informal"),
    ("de", "informal"): (_DE_FORMAL, "formal"),
    ("fr", "formal"): (_FR_INFORMAL, "informal"),
    ("fr", "informal"): (_FR_FORMAL, "formal"),
}


@register_rule
class FormalityRule(Rule):
    id = "formality"
    severity = Severity.WARNING
    param_names = frozenset({"level"})
    description = "Forms of address that do not match the market's formality (de and fr)."

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        super().validate_params(params)
        if params.get("level", "formal") not in ("formal", "informal"):
            raise ValueError("'level' must be formal or informal")

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        level = ctx.params.get("level", ctx.market.formality)
        entry = _PATTERNS.get((ctx.language, str(level)))
        if entry is None:
            return []
        pattern, wrong = entry
        return [
            self.issue(
                f"{wrong} address '{match.group().strip()}' in a {level} market",
                (match.start(), match.start() + len(match.group().rstrip())),
                found=match.group().strip(),
                expected=str(level),
            )
            for match in free_matches(pattern, mask_text(target))
        ]


_FIRST_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
_SHOUTING_MIN_LETTERS = 8
_SHOUTING_RATIO = 0.8


@register_rule
class CapitalisationRule(Rule):
    id = "capitalisation"
    severity = Severity.WARNING
    default_enabled = True
    order = 25
    description = (
        "The target starts lower-case where the source starts upper-case (fixed: first letter "
        "upper-cased), or is in capitals where the source is not (warning only)."
    )

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        issues = []
        position = _lower_first_letter(target, ctx.source)
        if position is not None:
            issues.append(
                self.issue(
                    "starts with a lower-case letter, the source with a capital",
                    (position, position + 1),
                )
            )
        if _is_shouting(target) and not _is_shouting(ctx.source):
            issues.append(self.issue("written in capitals, the source is not", (0, len(target))))
        return issues

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        position = _lower_first_letter(target, ctx.source)
        if position is None:
            return None
        return target[:position] + target[position].upper() + target[position + 1 :]


def _first_word(text: str) -> re.Match[str] | None:
    matches = free_matches(_FIRST_WORD_RE, mask_text(text))
    return matches[0] if matches else None


def _lower_first_letter(target: str, source: str) -> int | None:
    """Where the target's first letter is lower-case while the source's is a capital."""
    source_word, target_word = _first_word(source), _first_word(target)
    if source_word is None or target_word is None:
        return None
    word = target_word.group()
    if not source_word.group()[0].isupper() or not word[0].islower():
        return None
    if any(char.isupper() for char in word[1:]) or word[0].upper() == word[0]:
        return None  # iPhone, eBay: a brand written that way; or no capital form
    return target_word.start()


def _is_shouting(text: str) -> bool:
    cased = [char for char in mask_text(text).masked if char.isupper() or char.islower()]
    if len(cased) < _SHOUTING_MIN_LETTERS:
        return False
    return sum(char.isupper() for char in cased) / len(cased) >= _SHOUTING_RATIO
