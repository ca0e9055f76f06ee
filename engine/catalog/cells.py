"""Cell-value rules the writers apply before a value reaches a spreadsheet file.

* Formula injection: text starting with ``=``, ``+``, ``-``, ``@``, tab or CR must never become
  a formula when a spreadsheet opens the file (OWASP "CSV injection"). Plain numbers such as
  ``-5`` or ``+3.5`` are not formulas. csv prefixes such text with ``'``; xlsx keeps the text
  unchanged and stores it as a string cell.
* Characters a format cannot hold are removed (xlsx: C0 controls except tab/LF/CR, and
  U+FFFE/U+FFFF; csv: NUL) and lone surrogates become U+FFFD, so the file can be encoded.
* Excel holds at most 32,767 characters (UTF-16 code units) per cell: xlsx truncates longer
  text, csv keeps it whole and warns. Both are reported as issues, never silent.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from polyshelf.catalog.model import MISSING
from polyshelf.issues import Issue, Severity

CELL_CHAR_LIMIT = 32_767

RULE_TOO_LONG = "cell.too_long"
RULE_CONTROL_CHARS = "cell.control_chars"
RULE_FORMULA_ESCAPED = "cell.formula_escaped"
RULE_INVALID_UNICODE = "cell.invalid_unicode"

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_PLAIN_SIGNED_NUMBER = re.compile(r"[+-](?:\d[\d.,]*|[.,]\d+)(?:[eE][+-]?\d+)?%?")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XML_UNSAFE_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NUL = re.compile(r"\x00")
_ZERO_PADDING = re.compile(r"0+")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def looks_like_formula(value: str) -> bool:
    """True if a spreadsheet could read ``value`` as a formula."""
    if not value.startswith(FORMULA_TRIGGERS):
        return False
    return _PLAIN_SIGNED_NUMBER.fullmatch(value) is None


def neutralize_formula(value: str) -> str | None:
    """The csv-safe text for a formula-like ``value`` (prefixed with ``'``), else None.

    None means the value is safe as it is and must be written unchanged.
    """
    return "'" + value if looks_like_formula(value) else None


def clean_control_chars(s: str) -> tuple[str, int]:
    """Remove the control characters xlsx cannot hold; return the text and how many went."""
    return _remove(_CONTROL_CHARS, s)


def utf16_length(s: str) -> int:
    """Length as Excel counts it: characters outside the BMP (emoji) count twice."""
    return len(s.encode("utf-16-le", "surrogatepass")) // 2


def truncate_to_cell_limit(s: str) -> str:
    """``s`` cut to at most CELL_CHAR_LIMIT UTF-16 units, never inside a surrogate pair."""
    encoded = s.encode("utf-16-le", "surrogatepass")[: CELL_CHAR_LIMIT * 2]
    if encoded and 0xD8 <= encoded[-1] <= 0xDB:  # high surrogate: its pair was cut off
        encoded = encoded[:-2]
    return encoded.decode("utf-16-le", "surrogatepass")


@dataclass(frozen=True)
class CellRules:
    """How one format treats text: which characters go, long text, formula-like text."""

    removable: re.Pattern[str]
    truncate_long_text: bool
    prefix_formulas: bool


XLSX_RULES = CellRules(_XML_UNSAFE_CHARS, truncate_long_text=True, prefix_formulas=False)
CSV_RULES = CellRules(_NUL, truncate_long_text=False, prefix_formulas=True)


def apply_cell_rules(text: str, rules: CellRules) -> tuple[str, list[Issue]]:
    """Make ``text`` safe for a format; return it with one Issue per kind of change made."""
    issues: list[Issue] = []
    text, replaced = _replace_lone_surrogates(text)
    if replaced:
        issues.append(
            Issue(
                RULE_INVALID_UNICODE,
                Severity.WARNING,
                f"replaced {replaced} invalid Unicode code point(s) with U+FFFD",
                params={"count": str(replaced)},
                fixed=True,
            )
        )
    text, removed = _remove(rules.removable, text)
    if removed:
        issues.append(
            Issue(
                RULE_CONTROL_CHARS,
                Severity.WARNING,
                f"removed {removed} control character(s) the file format cannot hold",
                params={"count": str(removed)},
                fixed=True,
            )
        )
    if rules.prefix_formulas:
        escaped = neutralize_formula(text)
        if escaped is not None:
            text = escaped
            issues.append(
                Issue(
                    RULE_FORMULA_ESCAPED,
                    Severity.INFO,
                    "prefixed with ' so spreadsheets show it as text, not a formula",
                    fixed=True,
                )
            )
    if len(text) > CELL_CHAR_LIMIT // 2 and (length := utf16_length(text)) > CELL_CHAR_LIMIT:
        issues.append(_too_long_issue(length, truncated=rules.truncate_long_text))
        if rules.truncate_long_text:
            text = truncate_to_cell_limit(text)
    return text, issues


def has_surrogates(s: str) -> bool:
    """True if ``s`` holds surrogate code points, which UTF-8 cannot encode."""
    return not s.isascii() and _LONE_SURROGATE.search(s) is not None


def column_label(header: Sequence[str], index: int) -> str:
    """The column's header name, or its spreadsheet letter (A, B, ..., AA) if it has none."""
    if index < len(header) and header[index]:
        return header[index]
    label, number = "", index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        label = chr(ord("A") + remainder) + label
    return label


def cell_text(value: object, number_format: str | None = None) -> str:
    """A cell value as text, for formats that store only text (csv).

    Dates at midnight are written without a time; whole numbers under a zero-padding format
    such as ``0000`` keep their leading zeros, as a spreadsheet would show them.
    """
    if value is None or value is MISSING:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return iso_text(value)
    if isinstance(value, int | float) and _is_zero_padded(value, number_format):
        return str(int(value)).zfill(len(number_format or "") + (value < 0))
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def iso_text(value: datetime.date | datetime.time) -> str:
    """ISO 8601 text; a naive datetime at midnight is written as just its date."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None and value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    return value.isoformat()


def _is_zero_padded(value: float, number_format: str | None) -> bool:
    return (
        number_format is not None
        and _ZERO_PADDING.fullmatch(number_format) is not None
        and float(value).is_integer()
    )


def _too_long_issue(length: int, *, truncated: bool) -> Issue:
    if truncated:
        return Issue(
            RULE_TOO_LONG,
            Severity.ERROR,
            f"text of {length:,} characters cut to the {CELL_CHAR_LIMIT:,}-character cell limit",
            params={"length": str(length), "limit": str(CELL_CHAR_LIMIT)},
            fixed=True,
        )
    return Issue(
        RULE_TOO_LONG,
        Severity.WARNING,
        f"text of {length:,} characters is longer than the {CELL_CHAR_LIMIT:,} characters "
        "Excel shows in a cell; kept whole",
        params={"length": str(length), "limit": str(CELL_CHAR_LIMIT)},
    )


def _replace_lone_surrogates(s: str) -> tuple[str, int]:
    if not has_surrogates(s):
        return s, 0
    # UTF-8 cannot encode surrogates: join the ones that form pairs, replace the rest.
    joined = s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return joined, joined.count("\ufffd") - s.count("\ufffd")


def _remove(pattern: re.Pattern[str], s: str) -> tuple[str, int]:
    cleaned, count = pattern.subn("", s)
    return cleaned, count
