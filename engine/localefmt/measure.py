"""Imperial measurements in English text: the pattern that finds them, parsing and rendering.

Forms: ``12 in``, ``23 1/2 in``, ``23½"``, ``5-lb``, ``6'2"``, ``6 ft 2 in``, ranges (``10-12 in``,
``10 to 12 in``), dimensions (``12 x 18 in``, lengths only), ``350°F``, ``-4 °F``, ``16 fl oz``.
A bare ``in`` after a number counts as inches only when what follows makes the preposition
unlikely (end, punctuation, ``wide``/``high``/``x``..., another number of a range); ``12"``,
``12 inches``, ``12 in.`` and ``12-in`` are always inches.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from polyshelf.localefmt.numbers import (
    QUANTITY_PATTERN,
    format_number,
    parse_quantity,
    reformat_numbers_in,
)
from polyshelf.localefmt.units import (
    UNITS,
    UNITS_BY_NAME,
    ImperialUnit,
    base_to_unit,
    pick_metric_unit,
    to_metric_value,
)

_START = r"(?<![\w.,/$€£¥])(?<![A-Za-z]-)"
_FOLLOW_BARE_IN = (
    r"(?=\s*(?:$|[.,;:!?)\]}<>/\"”(…]"
    r"|(?:wide|width|high|height|tall|long|length|deep|depth|thick|thickness|dia|diameter"
    r"|across|square|sq|overall|x|×)\b|(?-i:[WHDL])\b|(?:by|to)\s+\d|[-–—]\s*\d))"
)
_WORD_UNITS = (
    r"(?:inches|inch|in\.(?!\w)|feet|foot|ft\.?|yards?|yds?\.?|miles?|pounds?|lbs?\.?"
    r"|fl\.?\s?oz\.?|fluid\s+ounces?|ounces?|oz\.?|gallons?|gal\.?|quarts?|qts?\.?|pints?)"
    r"(?![A-Za-z])"
)
_MARKS = r"(?:''|\"|″|”|'(?![A-Za-z])|′|’(?![A-Za-z]))"
_TEMPERATURE = (
    r"(?:\s?(?:[°º˚]\s?F(?:ahrenheit)?|degrees?\s+F(?:ahrenheit)?|deg\.?\s?F|Fahrenheit)"
    r"(?![A-Za-z]))"
)
_UNIT = (
    rf"(?:{_TEMPERATURE}|[ \u00a0]?{_WORD_UNITS}|[ \u00a0]?in(?![\w-]){_FOLLOW_BARE_IN}"
    rf"|-{_WORD_UNITS}|-in(?![\w-])|{_MARKS})"
)
_QTY = rf"(?:(?<!\S)[-−])?{QUANTITY_PATTERN}"
_CONNECTOR = r"(?:\s*[-–—]\s*|\s+to\s+|\s*[x×]\s*|\s+by\s+)"
_FEET_INCHES = (
    rf"{QUANTITY_PATTERN}(?:[ \u00a0]?(?:feet|foot|ft\.?)(?![A-Za-z])|['′’])[\s,]*(?:and\s+)?"
    rf"{QUANTITY_PATTERN}(?:[ \u00a0]?(?:inches|inch|in\.(?!\w)|in(?![\w-]){_FOLLOW_BARE_IN})"
    r"|''|[\"″”])"
)
# In dimensions ("12 x 18 in rug") a bare "in" is inches whatever follows.
_DIMENSIONS = rf"(?:{_QTY}(?:{_UNIT})?\s*[x×]\s*){{1,2}}{_QTY}(?:{_UNIT}|[ \u00a0]?in(?![\w-]))"
MEASURE_RE = re.compile(
    rf"{_START}(?:{_FEET_INCHES}|{_DIMENSIONS}"
    rf"|(?:{_QTY}(?:{_UNIT})?{_CONNECTOR}){{0,2}}{_QTY}{_UNIT})",
    re.IGNORECASE,
)
_PART_RE = re.compile(
    rf"(?P<qty>{_QTY})(?P<unit>{_UNIT}|[ \u00a0]?in(?![\w-])(?=\s*$))?", re.IGNORECASE
)
_UNIT_NAME_RES = tuple((unit, re.compile(unit.pattern, re.IGNORECASE)) for unit in UNITS)
_RANGE_CONNECTORS = {"-", "–", "—", "to"}
_DIMENSION_CONNECTORS = {"x", "×", "by"}
_FEET_INCHES_GAP_RE = re.compile(r"[\s,]*(?:and\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    """One measurement: a value, a range (``range``) or dimensions (``dims``)."""

    values: tuple[Decimal, ...]
    units: tuple[ImperialUnit, ...]
    connectors: tuple[str, ...]  # "range" or "dims", one between each two values


def parse_measure(text: str) -> Measure | None:
    """Parse a whole measurement as found by MEASURE_RE; None if it is not one."""
    parts = list(_PART_RE.finditer(text))
    if not parts or parts[0].start() != 0 or parts[-1].end() != len(text):
        return None
    values: list[Decimal] = []
    units: list[ImperialUnit | None] = []
    for part in parts:
        value = parse_quantity(part.group("qty").replace("−", "-").lstrip("-"))
        if value is None:
            return None
        values.append(-value if part.group("qty")[0] in "-−" else value)
        units.append(identify_unit(part.group("unit")))
    gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(parts)]
    if len(parts) == 2 and _is_feet_inches(units, gaps[0]):
        return Measure((values[0] * 12 + values[1],), (UNITS_BY_NAME["in"],), ())
    connectors: list[str] = []
    for gap in gaps:
        word = gap.strip().lower()
        if word in _RANGE_CONNECTORS:
            connectors.append("range")
        elif word in _DIMENSION_CONNECTORS:
            connectors.append("dims")
        else:
            return None
    filled = _fill_units(units)
    if filled is None or len({unit.dimension for unit in filled}) != 1:
        return None
    if "dims" in connectors and filled[0].dimension != "length":
        return None  # "2 x 8 oz" is a count times a weight, not dimensions
    if filled[0].dimension != "temperature" and any(value < 0 for value in values):
        return None
    return Measure(tuple(values), tuple(filled), tuple(connectors))


def render_measure(original: str, locale: str, metric: bool) -> str:
    """The measurement for ``locale``: converted to metric, or with only its numbers reformatted."""
    measure = parse_measure(original)
    if measure is None:
        return original
    if not metric:
        return reformat_numbers_in(original, locale)
    bases = [to_metric_value(v, u) for v, u in zip(measure.values, measure.units, strict=True)]
    largest = max(range(len(bases)), key=lambda i: abs(bases[i]))
    target = pick_metric_unit(bases[largest], measure.units[largest])
    numbers = [format_number(base_to_unit(base, target), locale) for base in bases]
    has_negative = any(base < 0 for base in bases)
    out = numbers[0]
    for connector, number in zip(measure.connectors, numbers[1:], strict=True):
        if connector == "dims":
            out += " x "
        else:
            out += " – " if has_negative else "–"
        out += number
    return f"{out} {target}"


def identify_unit(text: str | None) -> ImperialUnit | None:
    if text is None:
        return None
    text = text.strip().lstrip("-").strip()
    for unit, pattern in _UNIT_NAME_RES:
        if pattern.fullmatch(text):
            return unit
    return None


def _is_feet_inches(units: list[ImperialUnit | None], gap: str) -> bool:
    names = [unit.name if unit else None for unit in units]
    return names == ["ft", "in"] and _FEET_INCHES_GAP_RE.fullmatch(gap) is not None


def _fill_units(units: list[ImperialUnit | None]) -> list[ImperialUnit] | None:
    """A part without a unit takes the unit of the next part that has one (``10-12 in``)."""
    filled: list[ImperialUnit] = []
    following: ImperialUnit | None = None
    for unit in reversed(units):
        following = unit or following
        if following is None:
            return None
        filled.append(following)
    return filled[::-1]
