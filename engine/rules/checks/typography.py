"""Typography rules: French spacing around punctuation and elisions, quotation marks, Swiss ss.

French spacing follows the current Imprimerie nationale practice that most French style guides
and shops follow: a narrow no-break space (U+202F) before ``; ! ?``, a no-break space (U+00A0)
before ``:`` and inside « ». Canadian French (OQLF) puts a no-break space before ``:`` and
inside « » but no space before ``; ! ?``; the fr-CA pack sets that through parameters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import ClassVar

from polyshelf.issues import Issue, Severity
from polyshelf.rules.base import Rule, RuleContext
from polyshelf.rules.registry import register_rule
from polyshelf.rules.textmask import MASK, MaskedText, apply_edits, free_matches, mask_text

NBSP = "\u00a0"
NNBSP = "\u202f"
SPACE_KINDS = {"nbsp": NBSP, "narrow": NNBSP, "none": ""}
SPACE_NAMES = {NBSP: "no-break space", NNBSP: "narrow no-break space", "": "no space"}
FRENCH_BEFORE = {":": "nbsp", ";": "narrow", "!": "narrow", "?": "narrow"}
_GAP = " \t\u00a0\u202f\u2009"
_Edit = tuple[int, int, str]


@register_rule
class FrenchSpacingRule(Rule):
    id = "typography-fr-spacing"
    severity = Severity.WARNING
    order = 60
    param_names = frozenset({"before", "guillemets"})
    description = "No-break spaces before : ; ! ? and inside « » (French typography)."

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        super().validate_params(params)
        before = params.get("before", {})
        if not isinstance(before, dict) or not all(
            mark in FRENCH_BEFORE and kind in SPACE_KINDS for mark, kind in before.items()
        ):
            raise ValueError("'before' maps any of : ; ! ? to nbsp, narrow or none")
        if params.get("guillemets", "nbsp") not in SPACE_KINDS:
            raise ValueError("'guillemets' must be nbsp, narrow or none")

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        return [issue for issue, _ in self._problems(target, ctx)]

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        edits = [edit for _, edit in self._problems(target, ctx)]
        return apply_edits(target, edits) if edits else None

    def _problems(self, target: str, ctx: RuleContext) -> list[tuple[Issue, _Edit]]:
        before = {**FRENCH_BEFORE, **dict(ctx.params.get("before", {}))}  # type: ignore[arg-type]
        inner = SPACE_KINDS[str(ctx.params.get("guillemets", "nbsp"))]
        masked = mask_text(target)
        text = masked.masked
        problems = []
        for position, char in enumerate(text):
            if char in before or char == "»":
                start = _gap_start(text, position)
                if _skip_mark(masked, start, position):
                    continue
                expected = inner if char == "»" else SPACE_KINDS[before[char]]
                gap = (start, position)
            elif char == "«":
                end = position + 1
                while end < len(text) and text[end] in _GAP:
                    end += 1
                if end == len(text) or text[end] in "\n\r" or _is_space_entity(masked, end):
                    continue
                expected = inner
                gap = (position + 1, end)
            else:
                continue
            found = target[gap[0] : gap[1]]
            if found != expected:
                where = "after" if char == "«" else "before"
                issue = self.issue(
                    f"{SPACE_NAMES[expected]} expected {where} '{char}'",
                    (min(gap[0], position), max(gap[1], position + 1)),
                    mark=char,
                    expected=expected,
                )
                problems.append((issue, (gap[0], gap[1], expected)))
        return problems


def _gap_start(text: str, position: int) -> int:
    start = position
    while start and text[start - 1] in _GAP:
        start -= 1
    return start


def _skip_mark(masked: MaskedText, gap_start: int, position: int) -> bool:
    text = masked.masked
    char = text[position]
    if gap_start == 0 or text[gap_start - 1] in "\n\r":
        return True  # nothing before the mark on its line
    previous = text[gap_start - 1]
    if previous in ":;!?" and char != "»":
        return True  # "?!" and "!!!": the first mark of a run carries the space
    if char == ":" and previous.isdigit() and text[position + 1 : position + 2].isdigit():
        return True  # times and ratios: 10:30, 16:9
    if char == ":" and text[position + 1 : position + 2] in ("/", "\\"):
        return True  # a path or scheme the URL pattern did not take
    return _is_space_entity(masked, gap_start - 1)


def _is_space_entity(masked: MaskedText, position: int) -> bool:
    span = masked.span_at(position)
    return span is not None and span.kind == "space-entity"


QUOTE_STYLES = {
    "german": ("„", "“"),
    "swiss": ("«", "»"),
    "french": ("«" + NBSP, NBSP + "»"),
    "english": ("“", "”"),
    "british": ("‘", "’"),
}
# Curly pairs of another convention, converted to the market's.
_FOREIGN_PAIRS = {
    "german": [re.compile(r"“([^“”„\"\n]*)”")],
    "swiss": [re.compile(r"„([^„“”\"\n]*)“"), re.compile(r"“([^“”„\"\n]*)”")],
    "french": [re.compile(r"„([^„“”\"\n]*)“"), re.compile(r"“([^“”„\"\n]*)”")],
    "english": [re.compile(r"„([^„“”\"\n]*)“")],
    "british": [re.compile(r"„([^„“”\"\n]*)“")],
}
_DEFAULT_STYLE = {"de": "german", "fr": "french", "en": "english"}
_SWISS_LOCALES = frozenset({"de-CH", "de-LI"})
_OPENING_CONTEXT = "([{/–—-" + MASK
_INCH_BEFORE = "0123456789½¼¾⅓⅔⅛"


@register_rule
class QuotesRule(Rule):
    id = "typography-quotes"
    severity = Severity.WARNING
    order = 50
    param_names = frozenset({"style"})
    description = (
        'Straight "…" and foreign curly quotes become the market\'s („…“, «…», « … », “…”); '
        'inch marks after a number (23") and quotes inside tags stay.'
    )

    @classmethod
    def validate_params(cls, params: Mapping[str, object]) -> None:
        super().validate_params(params)
        if params.get("style", "german") not in QUOTE_STYLES:
            raise ValueError(f"'style' must be one of {', '.join(QUOTE_STYLES)}")

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        return [issue for issue, _ in self._problems(target, ctx)]

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        edits = [edit for _, edits in self._problems(target, ctx) for edit in edits]
        return apply_edits(target, edits) if edits else None

    def _problems(self, target: str, ctx: RuleContext) -> list[tuple[Issue, list[_Edit]]]:
        style = _style(ctx)
        if style is None:
            return []
        opening, closing = QUOTE_STYLES[style]
        masked = mask_text(target)
        problems: list[tuple[Issue, list[_Edit]]] = []
        pairs, stray = _straight_pairs(masked.masked)
        for start, end in pairs:
            issue = self.issue(
                f"straight quotes: use {opening.strip()}…{closing.strip()}",
                (start, end + 1),
                style=style,
            )
            edits = [(start, start + 1, opening), (end, end + 1, closing)]
            if style == "french":  # the NBSPs replace any plain space inside
                inner = target[start + 1 : end]
                stripped = inner.strip(" ")
                edits = [(start, end + 1, opening + stripped + closing)] if stripped else []
            problems.append((issue, edits))
        for position in stray:
            issue = self.issue("unpaired straight quote", (position, position + 1), style=style)
            problems.append((issue, []))
        for pattern in _FOREIGN_PAIRS[style]:
            for match in free_matches(pattern, masked):
                issue = self.issue(
                    f"quotes of another language: use {opening.strip()}…{closing.strip()}",
                    match.span(),
                    style=style,
                )
                inner = match.group(1).strip(" ") if style == "french" else match.group(1)
                problems.append((issue, [(*match.span(), opening + inner + closing)]))
        return problems


def _style(ctx: RuleContext) -> str | None:
    style = ctx.params.get("style")
    if style is not None:
        return str(style)
    if ctx.locale in _SWISS_LOCALES:
        return "swiss"
    return _DEFAULT_STYLE.get(ctx.language)


def _straight_pairs(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Straight double quotes paired as opening/closing; the rest (if any) as stray.

    A quote right after a digit is an inch mark, not a quotation mark. Pairing gives up (all
    stray) as soon as one quote cannot open or close where it stands.
    """
    positions = [
        i for i, char in enumerate(text) if char == '"' and not (i and text[i - 1] in _INCH_BEFORE)
    ]
    pairs: list[tuple[int, int]] = []
    for opening, closing in zip(positions[::2], positions[1::2], strict=False):
        if not (_can_open(text, opening) and _can_close(text, closing)):
            return [], positions
        pairs.append((opening, closing))
    if len(positions) % 2:
        return [], positions
    return pairs, []


def _can_open(text: str, position: int) -> bool:
    before_ok = (
        position == 0 or text[position - 1].isspace() or text[position - 1] in _OPENING_CONTEXT
    )
    after = text[position + 1 : position + 2]
    return before_ok and after != "" and not after.isspace()


def _can_close(text: str, position: int) -> bool:
    before = text[position - 1 : position]
    after = text[position + 1 : position + 2]
    return before != "" and not before.isspace() and not (after.isalnum())


class _PatternFixRule(Rule):
    """A rule whose every match of `pattern` (outside markup and placeholders) is one issue,
    fixed by replacing the match with `replacement(match)`."""

    pattern: ClassVar[re.Pattern[str]]

    def message(self, match: re.Match[str]) -> str:
        raise NotImplementedError

    def replacement(self, match: re.Match[str]) -> str:
        raise NotImplementedError

    def check(self, target: str, ctx: RuleContext) -> list[Issue]:
        return [
            self.issue(self.message(m), m.span())
            for m in free_matches(self.pattern, mask_text(target))
        ]

    def fix(self, target: str, ctx: RuleContext) -> str | None:
        matches = free_matches(self.pattern, mask_text(target))
        edits = [(*m.span(), self.replacement(m)) for m in matches]
        return apply_edits(target, edits) if edits else None


@register_rule
class SwissSsRule(_PatternFixRule):
    id = "swiss-ss"
    severity = Severity.WARNING
    order = 20
    description = "Swiss Standard German writes ss for ß."
    pattern = re.compile("[ßẞ]")

    def message(self, match: re.Match[str]) -> str:
        return f"'{match.group()}' is not used in Swiss German: write ss"

    def replacement(self, match: re.Match[str]) -> str:
        return "ss" if match.group() == "ß" else "SS"


@register_rule
class FrenchElisionRule(_PatternFixRule):
    id = "typography-fr-elision"
    severity = Severity.WARNING
    order = 55
    description = "No space around the apostrophe of an elision (l’abri, d’énergie)."
    # An elided article or pronoun, an apostrophe with a space on either side, then a letter:
    # `d ’ énergie`, `l' abri`. Models trained on Moses-tokenized corpora write these.
    pattern = re.compile(
        r"(?<![\w'’-])((?:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst]))"
        rf"(?:[{_GAP}]+(['’])[{_GAP}]*|(['’])[{_GAP}]+)(?=[^\W\d_])",
        re.IGNORECASE,
    )

    def message(self, match: re.Match[str]) -> str:
        return f"'{match.group()}': no space around the apostrophe of an elision"

    def replacement(self, match: re.Match[str]) -> str:
        return match.group(1) + (match.group(2) or match.group(3))
