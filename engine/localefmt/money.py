"""Prices in English text (``$19.99``, ``USD 1,299.00``, ``€5``, ``19.99 USD``) and rendering.

``$`` alone is read as US dollars. Currency codes are recognized from a list of common ones so that
words such as ``ALL`` or ``CUP`` after a number are not taken for currencies.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency

from polyshelf.localefmt.numbers import NUMBER_PATTERN, babel_locale, parse_english_number
from polyshelf.localefmt.rates import RatesTable

SYMBOLS = {
    "US$": "USD",
    "$": "USD",
    "CA$": "CAD",
    "C$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "HK$": "HKD",
    "S$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
}
CODES = (
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "JPY", "CNY", "CHF", "SEK", "NOK", "DKK", "PLN",
    "CZK", "HUF", "MXN", "BRL", "INR", "KRW", "SGD", "HKD", "ZAR", "TRY",
)  # fmt: skip

_SYMBOL = "|".join(re.escape(s) for s in sorted(SYMBOLS, key=len, reverse=True))
_CODE = "|".join(CODES)
PRICE_RE = re.compile(
    rf"(?<![\w$€£¥])(?P<sym>{_SYMBOL})[ \u00a0]?(?P<num>{NUMBER_PATTERN})(?![\d%])"
    rf"|(?<![\w$€£¥])(?P<pcode>{_CODE})[ \u00a0]?(?P<pnum>{NUMBER_PATTERN})(?![\d%])"
    rf"|(?<![\w.,$€£¥])(?P<snum>{NUMBER_PATTERN})[ \u00a0]?(?:(?P<scode>{_CODE})\b|(?P<ssym>[€£]))"
)


def parse_price(text: str) -> tuple[Decimal, str] | None:
    """``(amount, ISO code)`` for a whole price as PRICE_RE finds it, else None."""
    match = PRICE_RE.fullmatch(text.strip())
    if match is None:
        return None
    if match.group("sym"):
        currency, number = SYMBOLS[match.group("sym")], match.group("num")
    elif match.group("pcode"):
        currency, number = match.group("pcode"), match.group("pnum")
    else:
        currency = match.group("scode") or SYMBOLS[match.group("ssym")]
        number = match.group("snum")
    amount = parse_english_number(number)
    return None if amount is None else (amount, currency)


def format_price(
    amount: Decimal,
    currency: str,
    locale: str,
    rates: RatesTable | None = None,
    target_currency: str | None = None,
) -> tuple[str, bool]:
    """The price for ``locale`` (CLDR pattern), converted into ``target_currency`` when ``rates``
    know the rate. Returns ``(text, converted_or_not_needed)``: False means a conversion was asked
    for but no rate was known, so the original currency was kept."""
    ok = True
    if rates is not None and target_currency is not None and target_currency != currency:
        converted = rates.convert(amount, currency, target_currency)
        if converted is None:
            ok = False
        else:
            amount, currency = converted, target_currency
    return format_currency(amount, currency, locale=babel_locale(locale)), ok


def render_price(original: str, locale: str, rates: RatesTable | None, target: str | None) -> str:
    parsed = parse_price(original)
    if parsed is None:
        return original
    return format_price(parsed[0], parsed[1], locale, rates, target)[0]
