"""Pieces cut out of a segment come back from small models as sentences: their end is trimmed."""

from __future__ import annotations

import pytest

from polyshelf.mt.segments import _same_end


@pytest.mark.parametrize(
    ("translation", "piece", "expected"),
    [
        ("Weich.", "Soft", "Weich"),
        ("jetzt!", "now", "jetzt"),
        ("Oliv ;", "Olive", "Oliv"),
        ("Vraiment\u00a0?", "Really", "Vraiment"),
        ("Wirklich?", "Really?", "Wirklich?"),
        ("ca.", "approx.", "ca."),
    ],
)
def test_same_end(translation: str, piece: str, expected: str) -> None:
    assert _same_end(translation, piece) == expected
