"""The parts of a target text that rules must never change, and edits that respect them.

HTML tags (with their attributes), entities, URLs, e-mail addresses, placeholder tokens ``⟦N⟧``
and template variables are protected. :func:`mask_text` replaces each protected character by a
private-use character, so rules can match regular expressions on a text of the same length and
positions stay valid in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

MASK = "\ue000"

_TAG_RE = re.compile(r"<[A-Za-z/!?][^<>]*>")
_ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#[xX][0-9A-Fa-f]+);")
_SPACE_ENTITY_RE = re.compile(
    r"&(?:nbsp|thinsp|ensp|emsp|#160|#8239|#8201|#[xX]0*(?:a0|202[fF]|2009|A0));"
)
_URL_RE = re.compile(r"(?<![\w@.])(?:(?:https?|ftp)://|www\.)[^\s<>\"'`«»]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?'\")]}"
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PLACEHOLDER_RE = re.compile(r"⟦\s*\d+\s*⟧")
_VARIABLE_RE = re.compile(
    r"\{\{[^{}]+\}\}|\$\{[^{}\s]+\}|\{[A-Za-z0-9_.]*(?:[:!][^{}\s]*)?\}"
    r"|%\(\w+\)[sdf]|%\d+\$[sdf]|(?<![\d%])%[sd](?![A-Za-z])"
)


@dataclass(frozen=True)
class ProtectedSpan:
    start: int
    end: int
    kind: str  # "tag", "entity", "space-entity", "url", "email", "placeholder", "variable"


@dataclass(frozen=True)
class MaskedText:
    text: str
    masked: str
    spans: tuple[ProtectedSpan, ...]

    def is_free(self, start: int, end: int) -> bool:
        """True when no protected span overlaps ``[start, end)`` (an empty range: touches)."""
        for span in self.spans:
            if start == end and span.start < start < span.end:
                return False
            if start < span.end and span.start < end:
                return False
        return True

    def span_at(self, position: int) -> ProtectedSpan | None:
        for span in self.spans:
            if span.start <= position < span.end:
                return span
        return None


@lru_cache(maxsize=4096)  # every rule masks the same source and target again
def mask_text(text: str) -> MaskedText:
    spans: list[ProtectedSpan] = []
    for kind, pattern in (
        ("tag", _TAG_RE),
        ("placeholder", _PLACEHOLDER_RE),
        ("url", _URL_RE),
        ("email", _EMAIL_RE),
        ("entity", _ENTITY_RE),
        ("variable", _VARIABLE_RE),
    ):
        for match in pattern.finditer(text):
            start, end = match.span()
            if kind == "url":
                end = start + len(match.group().rstrip(_URL_TRAILING))
            if kind == "entity" and _SPACE_ENTITY_RE.fullmatch(match.group()):
                kind_here = "space-entity"
            else:
                kind_here = kind
            if end > start and not any(s.start < end and start < s.end for s in spans):
                spans.append(ProtectedSpan(start, end, kind_here))
    spans.sort(key=lambda span: span.start)
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = MASK * (span.end - span.start)
    return MaskedText(text, "".join(chars), tuple(spans))


def free_matches(pattern: re.Pattern[str], masked: MaskedText) -> list[re.Match[str]]:
    """Matches of ``pattern`` in the masked text that overlap no protected span."""
    return [m for m in pattern.finditer(masked.masked) if masked.is_free(m.start(), m.end())]


def apply_edits(text: str, edits: Iterable[tuple[int, int, str]]) -> str:
    """Replace each ``(start, end)`` range by its string; ranges must not overlap."""
    pieces: list[str] = []
    position = 0
    for start, end, replacement in sorted(edits):
        if start < position:
            raise ValueError(f"overlapping edits at {start}")
        pieces.append(text[position:start])
        pieces.append(replacement)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)
