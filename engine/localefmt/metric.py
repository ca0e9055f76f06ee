"""Metric measurements in English text (``2.5 cm``, ``30 x 40 cm``, ``-20 °C``, ``1.5 l``).

They are not converted, but they are protected whole: a small model given ``⟦0⟧ cm`` writes
``⟦0⟧%`` or drops the unit, while ``⟦0⟧`` alone comes back. Numbers are reformatted for the
locale (``2,5 cm``); the unit is written as in the source.
"""

from __future__ import annotations

import re

from polyshelf.localefmt.numbers import NUMBER_PATTERN, reformat_numbers_in

_UNIT = r"(?:mm|cm|dm|m|km|mg|g|kg|ml|mL|cl|dl|l|L|[°º˚]\s?C)"
_QTY = rf"(?:(?<!\S)[-−])?{NUMBER_PATTERN}"
_JOIN = r"(?:\s*[-–—x×]\s*|\s+to\s+)"
METRIC_RE = re.compile(
    rf"(?<![\w.,/$€£¥-]){_QTY}(?:[ \u00a0]?{_UNIT})?(?:{_JOIN}{_QTY}(?:[ \u00a0]?{_UNIT})?){{0,2}}"
    rf"(?<=[A-Za-z])(?![\w°%/])"
)


def find_metric_spans(text: str) -> list[tuple[int, int]]:
    """Spans of metric quantities; a span ends in a letter, so its last part carries a unit."""
    return [match.span() for match in METRIC_RE.finditer(text)]


def render_metric(original: str, locale: str) -> str:
    return reformat_numbers_in(original, locale)
