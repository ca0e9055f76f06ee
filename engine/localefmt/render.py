"""Render one span found by :func:`find_locale_spans` for a target locale; never raises."""

from __future__ import annotations

from polyshelf.errors import PolyshelfError
from polyshelf.localefmt.dates import render_date
from polyshelf.localefmt.measure import render_measure
from polyshelf.localefmt.metric import render_metric
from polyshelf.localefmt.money import render_price
from polyshelf.localefmt.numbers import render_number
from polyshelf.localefmt.options import LocaleOptions
from polyshelf.localefmt.percent import render_percent

__all__ = ["render_locale_span", "render_number"]


def render_locale_span(original: str, kind: str, options: LocaleOptions) -> str:
    """``original`` (a span of kind measure/price/percent/date) rendered for ``options.locale``.

    Anything that cannot be parsed, and any unknown kind, comes back unchanged.
    """
    try:
        if kind == "measure":
            return render_measure(original, options.locale, options.metric)
        if kind == "price":
            return render_price(original, options.locale, options.rates, options.currency)
        if kind == "percent":
            return render_percent(original, options.locale)
        if kind == "date":
            return render_date(original, options.locale)
        if kind == "metric":
            return render_metric(original, options.locale)
    except (PolyshelfError, ArithmeticError, ValueError):
        return original
    return original
