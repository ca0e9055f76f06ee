"""Find the spans of English text that must be rendered per locale: measure, price, percent, date.

The segmenter applies these spans before its own "number"/"code" spans, so a measurement such as
``23 1/2 in`` is protected whole. Metric text (``60 cm``) is a "metric" span: kept, not
converted, with its numbers in the locale's format. Bare numbers are not spans.
"""

from __future__ import annotations

import re

from polyshelf.localefmt.dates import DATE_RE, parse_date
from polyshelf.localefmt.measure import MEASURE_RE, parse_measure
from polyshelf.localefmt.metric import find_metric_spans
from polyshelf.localefmt.money import PRICE_RE, parse_price
from polyshelf.localefmt.percent import PERCENT_RE

_SENTENCE_END_RE = re.compile(r"\s*(?:$|\n|[A-Z<])")

# Earlier kinds win when two candidates start at the same place with the same length.
_PRIORITY = ("price", "date", "percent", "measure", "metric")


def find_locale_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, kind)`` spans, sorted and non-overlapping; kinds: measure, price, percent,
    date, metric. The longest candidate wins an overlap."""
    candidates: list[tuple[int, int, str]] = []
    candidates += [(m.start(), m.end(), "price") for m in PRICE_RE.finditer(text)
                   if parse_price(m.group())]  # fmt: skip
    candidates += [(m.start(), m.end(), "date") for m in DATE_RE.finditer(text)
                   if parse_date(m.group())]  # fmt: skip
    candidates += [(m.start(), m.end(), "percent") for m in PERCENT_RE.finditer(text)]
    candidates += _measure_spans(text)
    candidates += [(start, end, "metric") for start, end in find_metric_spans(text)]
    candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), _PRIORITY.index(c[2])))
    spans: list[tuple[int, int, str]] = []
    for start, end, kind in candidates:
        if spans and start < spans[-1][1]:
            continue
        spans.append((start, end, kind))
    return spans


def _measure_spans(text: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    position = 0
    while match := MEASURE_RE.search(text, position):
        start, end = match.span()
        accepted = _accept_measure(text, start, end)
        if accepted is not None:
            spans.append((*accepted, "measure"))
            position = end
        else:
            # "2 x 8 oz": not dimensions; retry just after the first character of the match.
            position = start + 1
    return spans


def _accept_measure(text: str, start: int, end: int) -> tuple[int, int] | None:
    if text[end - 1] == "." and _SENTENCE_END_RE.match(text, end):
        end -= 1  # "Weighs 5 lbs." keeps its full stop outside the span
    if parse_measure(text[start:end]) is None:
        return None
    if text[end - 1] == '"' and _inside_quotes(text, start):
        return None  # a closing quote: 'the "Model 12" range'
    return start, end


def _inside_quotes(text: str, position: int) -> bool:
    """Whether the last straight double quote before ``position`` opens a quotation."""
    last = text.rfind('"', 0, position)
    if last < 0:
        return False
    before = text[last - 1] if last > 0 else " "
    after = text[last + 1] if last + 1 < len(text) else " "
    return (before.isspace() or before in "([") and not after.isspace()
