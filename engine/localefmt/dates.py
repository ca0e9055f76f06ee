"""Dates in English text (``2026-03-01``, ``03/01/2026`` as month/day, ``March 1, 2026``,
``1 March 2026``) and their rendering with Babel: numeric and abbreviated-month dates in the
locale's "medium" format, dates with a full month name in its "long" format."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date

from polyshelf.localefmt.numbers import babel_locale

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
DATE_RE = re.compile(
    r"(?<![\w/.-])(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})(?![\w/-]|\.\d)"
    r"|(?<![\w/.-])(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4})(?![\w/]|\.\d)"
    rf"|(?<!\w)(?P<tm>{_MONTH})\.?\s+(?P<td>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<ty>\d{{4}})(?!\w)"
    rf"|(?<!\w)(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<em>{_MONTH})\.?,?\s+(?P<ey>\d{{4}})(?!\w)"
)


def parse_date(text: str) -> tuple[datetime.date, bool] | None:
    """``(date, written_with_full_month_name)`` for a whole date, or None if not a real date."""
    match = DATE_RE.fullmatch(text.strip())
    if match is None:
        return None
    groups = match.groupdict()
    full_name = False
    if groups["iy"]:
        year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
    elif groups["uy"]:
        year, month, day = int(groups["uy"]), int(groups["um"]), int(groups["ud"])
    else:
        name = groups["tm"] or groups["em"]
        full_name = name.lower() in _MONTHS
        month = _month_number(name)
        day = int(groups["td"] or groups["ed"])
        year = int(groups["ty"] or groups["ey"])
    try:
        return datetime.date(year, month, day), full_name
    except ValueError:
        return None


def render_date(original: str, locale: str) -> str:
    parsed = parse_date(original)
    if parsed is None:
        return original
    date, full_name = parsed
    return format_date(date, "long" if full_name else "medium", locale=babel_locale(locale))


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return next(number for month, number in _MONTHS.items() if month.startswith(prefix))
