"""Localized copies of price, unit and size columns: which columns, and each cell's new value.

A job calls :func:`plan_column_transforms` once per table and then, per row and target locale,
``transform.convert(row, header, options)``; the value goes into a new column named
``transform.output_header(locale, options)``. Problems are Issues (``price-unparsed``,
``price-no-currency``, ``price-no-rate``, ``unit-unparsed``, ``size-unknown``), never exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from polyshelf.issues import Issue, Severity
from polyshelf.localefmt.measure import MEASURE_RE, identify_unit, parse_measure, render_measure
from polyshelf.localefmt.money import CODES, SYMBOLS, format_price, parse_price
from polyshelf.localefmt.numbers import format_number, parse_quantity, render_number
from polyshelf.localefmt.options import LocaleOptions
from polyshelf.localefmt.sizes import convert_size, size_column_kind
from polyshelf.localefmt.units import (
    UNITS_BY_NAME,
    ImperialUnit,
    base_to_unit,
    to_metric_value,
)

# The metric unit a whole column of an imperial unit is converted into.
COLUMN_METRIC_UNITS = {
    "in": "cm", "ft": "m", "yd": "m", "mi": "km", "lb": "kg", "oz": "g",
    "fl oz": "ml", "gal": "l", "qt": "l", "pt": "l", "°F": "°C",
}  # fmt: skip

_LOCALIZED_HEADER_RE = re.compile(r"\[[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)*\]\s*$")
_PRICE_HEADER_RE = re.compile(r"\b(?:price|msrp|rrp|cost|retail)\b", re.IGNORECASE)
_CURRENCY_HEADER_RE = re.compile(r"currency(?:\s+code)?", re.IGNORECASE)
_BRACKET_RE = re.compile(r"\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$")
_FAHRENHEIT_RE = re.compile(r"°?\s*F|deg\.?\s*F", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnTransform:
    """How to fill one localized column: ``kind`` is "price", "unit" or "size"."""

    column: str
    kind: str
    unit: str | None = None  # unit columns: the imperial unit stated in the header, if any
    currency: str | None = None  # price columns: currency stated in the header
    currency_column: str | None = None  # price columns: a Currency column in the same table
    size_kind: str | None = None
    size_system: str | None = None

    def output_header(self, locale: str, options: LocaleOptions) -> str:
        """The new column's header, e.g. ``Width (cm) [de-DE]`` or ``Price [de-DE]``."""
        name = self.column
        bracket = _BRACKET_RE.search(name)
        if self.kind == "price" and bracket and self.currency:
            name = name[: bracket.start()]
        elif self.kind == "unit" and bracket and self.unit and options.metric:
            name = f"{name[: bracket.start()]} ({COLUMN_METRIC_UNITS[self.unit]})"
        elif self.kind == "size" and options.size_system and self.size_system:
            if bracket and bracket.group(1).upper() in ("US", "UK", "EU", "EUR"):
                name = name[: bracket.start()]
            name = f"{name} ({options.size_system})"
        return f"{name.strip()} [{locale}]"

    def convert(
        self, row_values: list[object], header: list[str], options: LocaleOptions
    ) -> tuple[object, list[Issue]]:
        """The new column's value for one row, as a string formatted for ``options.locale``."""
        value = _cell(row_values, header, self.column)
        if value is None or str(value).strip() == "":
            return "", []
        if self.kind == "price":
            return self._convert_price(value, row_values, header, options)
        if self.kind == "unit":
            return self._convert_unit(value, options)
        return self._convert_size(value, options)

    def _convert_price(
        self, value: object, row_values: list[object], header: list[str], options: LocaleOptions
    ) -> tuple[object, list[Issue]]:
        amount, currency = _price_parts(value)
        if amount is None:
            return value, [_issue("price-unparsed", "price not understood", self.column, value)]
        if currency is None and self.currency_column is not None:
            code = str(_cell(row_values, header, self.currency_column) or "").strip().upper()
            currency = code if re.fullmatch(r"[A-Z]{3}", code) else None
        currency = currency or self.currency
        if currency is None:
            issue = _issue("price-no-currency", "price has no currency", self.column, value)
            return format_number(amount, options.locale), [issue]
        text, ok = format_price(amount, currency, options.locale, options.rates, options.currency)
        if ok:
            return text, []
        message = f"no exchange rate {currency}→{options.currency}; price kept in {currency}"
        return text, [_issue("price-no-rate", message, self.column, value)]

    def _convert_unit(self, value: object, options: LocaleOptions) -> tuple[object, list[Issue]]:
        text = str(value).strip()
        quantity = _number(value)
        unit = UNITS_BY_NAME.get(self.unit) if self.unit else None
        if quantity is not None and unit is not None:
            if not options.metric:
                return render_number(text, options.locale), []
            target = COLUMN_METRIC_UNITS[unit.name]
            rounded = base_to_unit(to_metric_value(quantity, unit), target)
            return format_number(rounded, options.locale), []
        if MEASURE_RE.fullmatch(text) and parse_measure(text) is not None:
            return render_measure(text, options.locale, options.metric), []
        return value, [_issue("unit-unparsed", "measurement not understood", self.column, value)]

    def _convert_size(self, value: object, options: LocaleOptions) -> tuple[object, list[Issue]]:
        text = str(value).strip()
        if not options.size_system or not self.size_kind or not self.size_system:
            return text, []
        converted = convert_size(text, self.size_kind, self.size_system, options.size_system)
        if converted is None:
            message = f"no {options.size_system} size for {self.size_system} {text}"
            return value, [_issue("size-unknown", message, self.column, value)]
        return render_number(converted, options.locale), []


def plan_column_transforms(
    header: list[str], sample_rows: list[list[object]]
) -> list[ColumnTransform]:
    """The price, unit and size columns of a table, in column order (already localized columns,
    named ``... [de-DE]``, are skipped)."""
    currency_column = next((h for h in header if _CURRENCY_HEADER_RE.fullmatch(h.strip())), None)
    transforms: list[ColumnTransform] = []
    for index, name in enumerate(header):
        if not name or _LOCALIZED_HEADER_RE.search(name) or name == currency_column:
            continue
        samples = [
            row[index]
            for row in sample_rows
            if index < len(row) and row[index] is not None and str(row[index]).strip()
        ]
        transform = _plan_column(name, samples, currency_column)
        if transform is not None:
            transforms.append(transform)
    return transforms


def _plan_column(
    name: str, samples: list[object], currency_column: str | None
) -> ColumnTransform | None:
    size = size_column_kind(name)
    if size is not None:
        return ColumnTransform(name, "size", size_kind=size[0], size_system=size[1])
    if _PRICE_HEADER_RE.search(name):
        if samples and any(_price_parts(v)[0] is not None for v in samples):
            return ColumnTransform(
                name, "price", currency=_header_currency(name), currency_column=currency_column
            )
        return None
    unit = _header_unit(name)
    if unit is not None and any(_number(v) is not None for v in samples):
        return ColumnTransform(name, "unit", unit=unit.name)
    if samples and all(
        MEASURE_RE.fullmatch(str(v).strip()) and parse_measure(str(v).strip()) for v in samples
    ):
        return ColumnTransform(name, "unit")
    return None


def _header_unit(name: str) -> ImperialUnit | None:
    bracket = _BRACKET_RE.search(name)
    if bracket is None:
        return None
    text = bracket.group(1)
    if _FAHRENHEIT_RE.fullmatch(text):
        return UNITS_BY_NAME["°F"]
    return identify_unit(text)


def _header_currency(name: str) -> str | None:
    bracket = _BRACKET_RE.search(name)
    if bracket is None:
        return None
    text = bracket.group(1).strip()
    if text.upper() in CODES:
        return text.upper()
    return SYMBOLS.get(text)


def _price_parts(value: object) -> tuple[Decimal | None, str | None]:
    if isinstance(value, str) and (parsed := parse_price(value)) is not None:
        return parsed
    return _number(value), None


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return None
    return parse_quantity(str(value)) if isinstance(value, str) else None


def _cell(row_values: list[object], header: list[str], column: str) -> object:
    try:
        index = header.index(column)
    except ValueError:
        return None
    return row_values[index] if index < len(row_values) else None


def _issue(rule_id: str, message: str, column: str, value: object) -> Issue:
    return Issue(
        rule_id, Severity.WARNING, f"{column}: {message}: {value}",
        params={"column": column, "value": str(value)},
    )  # fmt: skip
