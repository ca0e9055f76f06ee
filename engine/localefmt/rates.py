"""Exchange rates the user supplies (never fetched): CSV or JSON, loaded into a RatesTable.

CSV, with the base currency in a comment line before the header::

    # base: USD
    currency,rate
    EUR,0.92
    GBP,0.79

or in a ``base`` column (then rows may name different bases)::

    base,currency,rate
    USD,EUR,0.92

JSON: ``{"base": "USD", "rates": {"EUR": 0.92, "GBP": "0.79"}}``.

A rate means: 1 unit of ``base`` buys ``rate`` units of ``currency``. Conversions go directly,
through the inverse rate, or through one shared currency (EUR→GBP via USD).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from polyshelf.errors import InputError

_CODE_RE = re.compile(r"[A-Z]{3}")
_BASE_COMMENT_RE = re.compile(r"#\s*base\s*[:=]\s*(\S+)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RatesTable:
    """Direct rates keyed ``(from_currency, to_currency)``; see the module doc for files."""

    rates: Mapping[tuple[str, str], Decimal] = field(default_factory=dict)

    @classmethod
    def from_mapping(cls, base: str, rates: Mapping[str, Decimal | str | float]) -> RatesTable:
        """Build from ``base`` and ``{currency: rate}``; InputError on bad codes or rates."""
        table: dict[tuple[str, str], Decimal] = {}
        for currency, rate in rates.items():
            _add_rate(table, base, currency, rate, where=f"rate for {currency!r}")
        return cls(table)

    @classmethod
    def load(cls, path: Path | str) -> RatesTable:
        """Read a CSV or JSON rates file (by suffix; ``.json`` is JSON, anything else CSV)."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError as exc:
            raise InputError(f"rates file not found: {path}") from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read rates file {path}: {exc}") from exc
        if path.suffix.lower() == ".json":
            table = _parse_json(text, path)
        else:
            table = _parse_csv(text, path)
        if not table:
            raise InputError(f"rates file {path} has no rates")
        return cls(table)

    def convert(self, amount: Decimal, from_currency: str, to_currency: str) -> Decimal | None:
        """``amount`` in ``to_currency``, unrounded; None when no rate links the two."""
        steps = self._steps(from_currency, to_currency)
        if steps is None:
            return None
        for rate, inverse in steps:
            amount = amount / rate if inverse else amount * rate
        return amount

    def _steps(self, from_currency: str, to_currency: str) -> list[tuple[Decimal, bool]] | None:
        """Rates to apply in turn (dividing where ``inverse``): direct, or through one currency."""
        if from_currency == to_currency:
            return []
        direct = self._direct(from_currency, to_currency)
        if direct is not None:
            return [direct]
        for via in sorted({code for pair in self.rates for code in pair}):
            first = self._direct(from_currency, via)
            second = self._direct(via, to_currency)
            if first is not None and second is not None:
                return [first, second]
        return None

    def _direct(self, from_currency: str, to_currency: str) -> tuple[Decimal, bool] | None:
        if (from_currency, to_currency) in self.rates:
            return self.rates[(from_currency, to_currency)], False
        if (to_currency, from_currency) in self.rates:
            return self.rates[(to_currency, from_currency)], True
        return None


def _add_rate(
    table: dict[tuple[str, str], Decimal],
    base: str,
    currency: str,
    rate: object,
    where: str,
) -> None:
    base, currency = str(base).strip().upper(), str(currency).strip().upper()
    for code in (base, currency):
        if not _CODE_RE.fullmatch(code):
            raise InputError(f"{where}: {code!r} is not a currency code like EUR")
    try:
        value = Decimal(str(rate).strip())
    except InvalidOperation as exc:
        raise InputError(f"{where}: rate {rate!r} is not a number") from exc
    if not value.is_finite() or value <= 0:
        raise InputError(f"{where}: rate must be a positive number, got {rate!r}")
    if base == currency:
        if value != 1:
            raise InputError(f"{where}: {base} to itself must be 1")
        return
    known = table.get((base, currency))
    if known is not None and known != value:
        raise InputError(f"{where}: conflicting rates for {base}→{currency}")
    table[(base, currency)] = value


def _parse_csv(text: str, path: Path) -> dict[tuple[str, str], Decimal]:
    base: str | None = None
    lines: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith("#"):
            if match := _BASE_COMMENT_RE.fullmatch(line.strip()):
                base = match.group(1)
            continue
        if line.strip():
            lines.append(line)
    if not lines:
        raise InputError(f"rates file {path} has no rates")
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    columns = [name.strip().lower() for name in rows[0]]
    if "currency" not in columns or "rate" not in columns:
        raise InputError(f"rates file {path} needs a header with columns 'currency' and 'rate'")
    has_base_column = "base" in columns
    if base is None and not has_base_column:
        raise InputError(
            f"rates file {path} states no base currency: add a '# base: USD' line or a base column"
        )
    table: dict[tuple[str, str], Decimal] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(columns):
            raise InputError(f"{path} row {number}: expected {len(columns)} fields, got {len(row)}")
        values = dict(zip(columns, row, strict=True))
        row_base = values["base"] if has_base_column and values["base"].strip() else base
        if row_base is None:
            raise InputError(f"{path} row {number}: no base currency")
        _add_rate(table, row_base, values["currency"], values["rate"], f"{path} row {number}")
    return table


def _parse_json(text: str, path: Path) -> dict[tuple[str, str], Decimal]:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"rates file {path} is not valid JSON: {exc.msg} (line {exc.lineno})"
        ) from exc
    if not isinstance(data, dict) or not isinstance(data.get("rates"), dict):
        raise InputError(f'rates file {path} must look like {{"base": "USD", "rates": {{...}}}}')
    base = data.get("base")
    if not isinstance(base, str):
        raise InputError(f"rates file {path} needs a 'base' currency code")
    table: dict[tuple[str, str], Decimal] = {}
    for currency, rate in data["rates"].items():
        if isinstance(rate, bool) or not isinstance(rate, int | Decimal | str):
            raise InputError(f"{path}: rate for {currency!r} is not a number")
        _add_rate(table, base, currency, rate, f"{path}: rate for {currency!r}")
    return table
