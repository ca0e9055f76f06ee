"""Locale formatting for target markets: prices, numbers, percentages, dates, units and sizes.

Free text: :func:`find_locale_spans` marks measurements, prices, percentages and dates in English
source text (these spans win over the segmenter's own "number"/"code" spans) and
:func:`render_locale_span` renders each one for a target locale. Table columns:
:func:`plan_column_transforms` picks price, unit and size columns and adds localized copies.
"""

from __future__ import annotations

from polyshelf.localefmt.columns import ColumnTransform, plan_column_transforms
from polyshelf.localefmt.options import LocaleOptions
from polyshelf.localefmt.rates import RatesTable
from polyshelf.localefmt.render import render_locale_span, render_number
from polyshelf.localefmt.sizes import convert_size, size_column_kind
from polyshelf.localefmt.spans import find_locale_spans

__all__ = [
    "ColumnTransform",
    "LocaleOptions",
    "RatesTable",
    "convert_size",
    "find_locale_spans",
    "plan_column_transforms",
    "render_locale_span",
    "render_number",
    "size_column_kind",
]
