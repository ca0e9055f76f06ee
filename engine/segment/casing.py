"""ALL-CAPS sentences: detected, sent to MT in sentence case, upper-cased again on restore.

Small MT models translate "SOFT COTTON BATH TOWEL" badly (every word looks like a name); in
sentence case they translate it like any other title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_WORD_RE = re.compile(r"[^\W\d_]+")


def _is_cased(char: str) -> bool:
    return char.lower() != char.upper()


def is_all_caps(text: str) -> bool:
    """Every cased letter upper case, and at least 2 words or 8 letters with case."""
    if any(char.isalpha() and char.upper() != char for char in text):
        return False
    words = [word for word in _WORD_RE.findall(text) if any(map(_is_cased, word))]
    return len(words) >= 2 or sum(len(word) for word in words) >= 8


def sentence_case(pieces: Sequence[str]) -> list[str]:
    """Lower-case the pieces of one sentence and capitalise its first cased letter."""
    lowered = [piece.lower() for piece in pieces]
    for number, piece in enumerate(lowered):
        for position, char in enumerate(piece):
            if _is_cased(char):
                lowered[number] = piece[:position] + char.upper() + piece[position + 1 :]
                return lowered
    return lowered
