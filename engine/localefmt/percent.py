"""Percentages in English text (``20%``, ``12.5 %``, ``-15%``) and their Babel rendering."""

from __future__ import annotations

import re

from babel.numbers import format_percent

from polyshelf.localefmt.numbers import NUMBER_PATTERN, babel_locale, parse_english_number

PERCENT_RE = re.compile(rf"(?<![\w.,/])(?:(?<!\S)[-−+])?{NUMBER_PATTERN}[ \u00a0]?%")


def render_percent(original: str, locale: str) -> str:
    """``12.5 %`` → ``12,5 %`` (de, with CLDR's no-break space); decimals as written."""
    text = original.strip()
    if PERCENT_RE.fullmatch(text) is None:
        return original
    number = text.rstrip("%").strip().lstrip("+")
    value = parse_english_number(number)
    if value is None:
        return original
    return format_percent(value / 100, locale=babel_locale(locale), decimal_quantization=False)
