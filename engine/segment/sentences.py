"""Sentence spans of one block of text, and splitting of over-long sentences.

Spans are ``(start, end)`` offsets with surrounding whitespace left out; whatever lies between
spans (whitespace, separators of split sentences) is copied verbatim by the cell template.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise

import pysbd
from pysbd.languages import LANGUAGE_CODES

Span = tuple[int, int]

_SENTENCE_END_CHARS = frozenset(".!?…。！？؟۔।॥")
# Where an over-long sentence may be cut, best first: (pattern, group whose span is the gap).
_CUT_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r";()"),
    re.compile(r":()(?=\s)"),
    re.compile(r"(\s[–—-]\s)"),
    re.compile(r",()(?=\s)"),
    re.compile(r"(\s+)"),
)


def pysbd_language(language: str) -> str:
    code = language.lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGE_CODES else "en"


@lru_cache(maxsize=32)
def _segmenter(language: str) -> pysbd.Segmenter:
    return pysbd.Segmenter(language=language, clean=False, char_span=False)


def trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=8192)  # the same cell is segmented once per target locale
def _sentence_starts(text: str, language: str) -> tuple[int, ...]:
    return tuple(_pysbd_starts(text, language))


def _pysbd_starts(text: str, language: str) -> list[int]:
    try:
        sentences = _segmenter(pysbd_language(language)).segment(text)
    except Exception:  # pysbd has crashed on odd input; one sentence is a safe answer
        return [0]
    starts: list[int] = []
    cursor = 0
    for sentence in sentences:
        stripped = sentence.strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor)
        if found < 0:  # pysbd changed the text after all: do not trust its boundaries
            return [0]
        starts.append(found)
        cursor = found + len(stripped)
    return starts or [0]


def sentence_spans(text: str, language: str) -> list[Span]:
    """Trimmed sentence spans covering every non-space character of ``text``."""
    if not any(char in _SENTENCE_END_CHARS for char in text):
        starts = [0]
    else:
        starts = list(_sentence_starts(text, language))
    # Spans run from one start to the next, so text pysbd skipped still belongs to a sentence.
    spans = [trim(text, start, end) for start, end in pairwise([*starts, len(text)])]
    if spans and starts[0] > 0:
        spans[0] = trim(text, 0, spans[0][1])
    return [span for span in spans if span[0] < span[1]]


def _inside(position: int, protected: Sequence[Span]) -> bool:
    return any(start < position < end for start, end in protected)


def _find_cut(
    text: str, start: int, end: int, max_chars: int, protected: Sequence[Span]
) -> tuple[int, int] | None:
    """Where to end the first piece of ``text[start:end]`` and start the next one."""
    limit = min(end, start + max_chars)
    for pattern in _CUT_PATTERNS:
        best: tuple[int, int] | None = None
        for match in pattern.finditer(text, start, limit + 1):
            piece_end, next_start = match.span(1)
            if piece_end > limit or _inside(piece_end, protected):
                continue
            piece_start, piece_stop = trim(text, start, piece_end)
            if piece_start < piece_stop and next_start < end:
                best = (piece_end, next_start)
        if best is not None:
            return best
    # No separator at all: cut hard, but never inside a protected span.
    cut = limit
    for span_start, span_end in protected:
        if span_start < cut < span_end:
            cut = span_start if span_start > start else span_end
    return (cut, cut) if start < cut < end else None


def split_long(text: str, span: Span, max_chars: int, protected: Sequence[Span] = ()) -> list[Span]:
    """Cut a sentence longer than ``max_chars`` into trimmed pieces of at most ``max_chars``.

    Cuts at ``;``, ``:``, `` – ``, ``,``, then whitespace; a protected span (URL...) longer than
    ``max_chars`` stays whole, so that piece is longer.
    """
    start, end = span
    pieces: list[Span] = []
    while end - start > max_chars:
        cut = _find_cut(text, start, end, max_chars, protected)
        if cut is None:
            break
        piece = trim(text, start, cut[0])
        if piece[0] < piece[1]:
            pieces.append(piece)
        start = trim(text, cut[1], end)[0]
    pieces.append((start, end))
    return [piece for piece in pieces if piece[0] < piece[1]]
