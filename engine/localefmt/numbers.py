"""English number parsing (grouping commas, decimals, fractions) and Babel number output."""

from __future__ import annotations

import copy
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from polyshelf.errors import ConfigError

VULGAR_FRACTIONS = {
    "½": Decimal(1) / 2,
    "¼": Decimal(1) / 4,
    "¾": Decimal(3) / 4,
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
    "⅛": Decimal(1) / 8,
    "⅜": Decimal(3) / 8,
    "⅝": Decimal(5) / 8,
    "⅞": Decimal(7) / 8,
}
_VULGAR = "".join(VULGAR_FRACTIONS)

# A plain English number: 1,200.50 / 1200 / 3.5 / .75 (no sign).
NUMBER_PATTERN = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
# A quantity: a number, a fraction (1/2, 23 1/2, 23-1/2) or a vulgar fraction (23½, ½).
QUANTITY_PATTERN = (
    rf"(?:\d+[ \u00a0-]\d+/\d+|\d+/\d+|\d*[{_VULGAR}]|{NUMBER_PATTERN}(?![{_VULGAR}]))"
)

_NUMBER_RE = re.compile(rf"[-−]?{NUMBER_PATTERN}")
_MIXED_RE = re.compile(r"(\d+)[ \u00a0-](\d+)/(\d+)")
_FRACTION_RE = re.compile(r"(\d+)/(\d+)")
_VULGAR_RE = re.compile(rf"(\d*)([{_VULGAR}])")


@lru_cache(maxsize=64)
def babel_locale(locale: str) -> Locale:
    """``de-DE`` or ``de_DE`` as a Babel Locale; ConfigError if CLDR does not know it."""
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError) as exc:
        raise ConfigError(f"unknown locale: {locale!r}") from exc


def parse_english_number(text: str) -> Decimal | None:
    """``1,200.50`` → Decimal('1200.50'); None if ``text`` is not exactly one number."""
    text = text.strip()
    if not _NUMBER_RE.fullmatch(text):
        return None
    negative = text[0] in "-−"
    try:
        value = Decimal(text.lstrip("-−").replace(",", ""))
    except InvalidOperation:
        return None
    return -value if negative else value


def parse_quantity(text: str) -> Decimal | None:
    """A number or fraction (``23 1/2``, ``23-1/2``, ``23½``, ``3/4``) as a Decimal, else None."""
    text = text.strip()
    if match := _MIXED_RE.fullmatch(text):
        whole, num, den = (int(g) for g in match.groups())
        return None if den == 0 else Decimal(whole) + Decimal(num) / Decimal(den)
    if match := _FRACTION_RE.fullmatch(text):
        num, den = int(match.group(1)), int(match.group(2))
        return None if den == 0 else Decimal(num) / Decimal(den)
    if match := _VULGAR_RE.fullmatch(text):
        whole = Decimal(match.group(1) or 0)
        return whole + VULGAR_FRACTIONS[match.group(2)]
    return parse_english_number(text)


def round_significant(value: Decimal, digits: int = 3, max_decimals: int = 2) -> Decimal:
    """Round to ``digits`` significant figures, never keeping more than ``max_decimals``."""
    if value == 0:
        return Decimal(0)
    integer_digits = value.copy_abs().adjusted() + 1
    decimals = max(0, min(max_decimals, digits - integer_digits))
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP).normalize()


def format_number(value: Decimal, locale: str) -> str:
    """``value`` in the locale's digits and separators with exactly the decimals it carries.

    ``Decimal('1200.50')`` keeps its trailing zero (Babel alone would drop it); round first.
    """
    loc = babel_locale(locale)
    decimals = max(0, -value.as_tuple().exponent)  # type: ignore[operator]
    pattern = copy.copy(loc.decimal_formats[None])
    pattern.frac_prec = (decimals, decimals)
    return pattern.apply(value, loc)


def render_number(original: str, locale: str) -> str:
    """Reformat one plain English number for ``locale``: ``1,200.50`` → ``1.200,50`` (de).

    Digits-only integers (a year, a count) and anything that is not one plain number (a code, a
    fraction) are returned as written. Decimals written in the source are kept, trailing zeros too.
    """
    text = original.strip()
    if not text or text.lstrip("-−").isdigit():
        return original
    value = parse_english_number(text)
    if value is None:
        return original
    try:
        rendered = format_number(value, locale)
    except ConfigError:
        return original
    return original.replace(text, rendered)


_EMBEDDED_NUMBER_RE = re.compile(rf"(?<![\d.,/]){NUMBER_PATTERN}(?![\d/])")


def reformat_numbers_in(text: str, locale: str) -> str:
    """Every plain English number inside ``text`` reformatted for ``locale`` (see render_number)."""
    return _EMBEDDED_NUMBER_RE.sub(lambda m: render_number(m.group(), locale), text)
