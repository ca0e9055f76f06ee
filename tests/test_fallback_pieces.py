"""Pieces cut out of a segment come back from small models as sentences: their end is trimmed."""

from __future__ import annotations

import pytest

from polyshelf.mt.segments import _same_end, _without_invented_percent


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


@pytest.mark.parametrize(
    ("source", "translation", "expected"),
    [
        ("Cable hole: ⟦0⟧.", "Kabelloch: ⟦0⟧%.", "Kabelloch: ⟦0⟧."),
        ("Fits ⟦0⟧-⟦1⟧ shelves.", "Passt zu ⟦0⟧ ⟦1⟧%% Regalen.", "Passt zu ⟦0⟧ ⟦1⟧ Regalen."),
        ("Save ⟦0⟧ percent", "Sparen Sie ⟦0⟧ %", "Sparen Sie ⟦0⟧ %"),
        ("⟦0⟧% cotton", "⟦0⟧% Baumwolle", "⟦0⟧% Baumwolle"),
    ],
)
def test_percent_signs_the_source_lacks_are_dropped(
    source: str, translation: str, expected: str
) -> None:
    assert _without_invented_percent(source, translation) == expected
