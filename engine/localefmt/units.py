"""US/imperial units: how they are written, and their metric conversion and rounding.

Rounding (documented policy): a converted value is rounded to 3 significant figures with at most
1 decimal for mm/cm/km, 2 for m/kg/l, and whole numbers for g/ml (1 decimal below 10) and for °C.
The metric unit is picked from the size of the result: below 1 cm → mm, from 10 m (inches) → m,
feet/yards → m (cm below 1 m), below 1 kg → g, below 1 l → ml, from 1000 ml → l.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from polyshelf.localefmt.numbers import round_significant


@dataclass(frozen=True)
class ImperialUnit:
    name: str
    dimension: str  # length, mass, volume, temperature
    to_base: Decimal  # length in m, mass in kg, volume in l; temperature handled apart
    pattern: str  # regex for how it is written (matched case-insensitively)


# How each unit is written, to identify a unit already found by measure.py's patterns (which
# decide when a bare "in" is inches and not the preposition).
UNITS: tuple[ImperialUnit, ...] = (
    ImperialUnit("in", "length", Decimal("0.0254"), r"inches|inch|in\.?|\"|″|”|''"),
    ImperialUnit("ft", "length", Decimal("0.3048"), r"feet|foot|ft\.?|'|′|’"),
    ImperialUnit("yd", "length", Decimal("0.9144"), r"yards?|yds?\.?"),
    ImperialUnit("mi", "length", Decimal("1609.344"), r"miles?"),
    ImperialUnit("lb", "mass", Decimal("0.45359237"), r"pounds?|lbs?\.?"),
    ImperialUnit("fl oz", "volume", Decimal("0.0295735295625"), r"fl\.?\s?oz\.?|fluid\s+ounces?"),
    ImperialUnit("oz", "mass", Decimal("0.028349523125"), r"ounces?|oz\.?"),
    ImperialUnit("gal", "volume", Decimal("3.785411784"), r"gallons?|gal\.?"),
    ImperialUnit("qt", "volume", Decimal("0.946352946"), r"quarts?|qts?\.?"),
    ImperialUnit("pt", "volume", Decimal("0.473176473"), r"pints?"),
    ImperialUnit(
        "°F",
        "temperature",
        Decimal(1),
        r"[°º˚]\s?F(?:ahrenheit)?|degrees?\s+F(?:ahrenheit)?|deg\.?\s?F|Fahrenheit",
    ),
)
UNITS_BY_NAME = {unit.name: unit for unit in UNITS}

_MAX_DECIMALS = {"mm": 1, "cm": 1, "m": 2, "km": 1, "g": 0, "kg": 2, "ml": 0, "l": 2, "°C": 0}


def to_metric_value(value: Decimal, unit: ImperialUnit) -> Decimal:
    """``value`` in the base metric unit of its dimension (m, kg, l, °C), unrounded."""
    if unit.dimension == "temperature":
        return (value - 32) * 5 / 9
    return value * unit.to_base


def pick_metric_unit(largest_base_value: Decimal, unit: ImperialUnit) -> str:
    """The metric unit to show, chosen from the largest value of a measure (in base units)."""
    size = abs(largest_base_value)
    if unit.dimension == "temperature":
        return "°C"
    if unit.dimension == "mass":
        return "kg" if size >= 1 else "g"
    if unit.dimension == "volume":
        return "l" if size >= 1 else "ml"
    if unit.name == "mi":
        return "km"
    if size < Decimal("0.01"):
        return "mm"
    if unit.name == "in":
        return "cm" if size < 10 else "m"
    return "m" if size >= 1 else "cm"


def base_to_unit(base_value: Decimal, metric_unit: str) -> Decimal:
    """A base-unit value (m, kg, l, °C) expressed in ``metric_unit`` and rounded for display."""
    scale = {"mm": 1000, "cm": 100, "km": Decimal("0.001"), "g": 1000, "ml": 1000}
    value = base_value * scale.get(metric_unit, 1)
    if metric_unit == "°C":
        return value.quantize(Decimal(1), rounding=ROUND_HALF_UP) + 0  # + 0 turns -0 into 0
    max_decimals = _MAX_DECIMALS[metric_unit]
    if metric_unit in ("g", "ml") and abs(value) < 10:
        max_decimals = 1
    return round_significant(value, digits=3, max_decimals=max_decimals)
