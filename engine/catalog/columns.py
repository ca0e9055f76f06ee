"""Choosing which columns of a catalog sheet to translate.

:func:`detect_text_columns` guesses from the header and a sample of rows: a column is picked
when most of its cells are prose (several words, or HTML), or, for a header that names text
(Name, Title, Description, ...), when most of its cells are words at all. Identifiers, codes,
URLs, e-mails, numbers, prices, dates and measurements are never prose. Columns whose header
names identifiers or media (SKU, ID, EAN, URL, Image, Price, ...) and columns already holding a
translation (header ending in `` [de]`` or `` [pt-BR]``) are never picked.
"""

from __future__ import annotations

import re
from enum import Enum

from polyshelf.catalog.model import Row, is_empty_cell
from polyshelf.errors import InputError

_TRANSLATED_HEADER = re.compile(
    r"\s\[[A-Za-z]{2,3}(?:[-_](?:[A-Za-z]{2}|[A-Za-z]{4}|\d{3}))?\]\s*"
    r"(?:\(?ref(?:erence)?\)?\s*)?$",  # "Name [de] (reference)": a reference translation
    re.IGNORECASE,
)
# fmt: off
_NON_TEXT_HEADER_WORDS = frozenset({
    "sku", "skus", "id", "ids", "ean", "eans", "upc", "gtin", "isbn", "mpn", "asin", "barcode",
    "code", "codes", "handle", "slug", "url", "urls", "uri", "link", "links", "href",
    "image", "images", "img", "photo", "photos", "picture", "thumbnail", "video",
    "price", "prices", "cost", "msrp", "rrp", "currency", "vat", "tax",
    "qty", "quantity", "stock", "inventory", "weight", "email", "mail",
    "date", "created", "updated", "modified", "timestamp",
    "brand", "vendor", "manufacturer", "supplier",
})
_TEXT_HEADER_WORDS = frozenset({
    "name", "title", "subtitle", "headline", "tagline", "description", "desc", "summary",
    "details", "features", "feature", "bullet", "bullets", "text", "copy", "caption", "alt",
    "body", "content",
})
# fmt: on
_MOSTLY = 0.5

_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
# Whole-cell links, e-mail addresses and paths ("img/mug.jpg").
_LINK_OR_PATH = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S*$|\S+@\S+\.\S+$|\S*/\S*$", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_]{2,}")  # a run of two or more letters
_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_UNSPACED_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_SINGLE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_UNSPACED_PROSE_LETTERS = 4
_MEASUREMENT_WORD_LENGTH = 3


class _Kind(Enum):
    EMPTY = "empty"
    PROSE = "prose"  # several words, or HTML
    WORD = "word"  # one word: a color, a size name
    OTHER = "other"  # numbers, codes, links, measurements


def is_translated_column(name: str) -> bool:
    """True for headers such as ``Name [de]`` or ``Description [pt-BR]``."""
    return _TRANSLATED_HEADER.search(name) is not None


def detect_text_columns(header: list[str], sample: list[Row]) -> list[str]:
    """Names of the columns in ``header`` that hold translatable text, in header order."""
    picked: list[str] = []
    for index, name in enumerate(header):
        if not name.strip() or name in picked or is_translated_column(name):
            continue
        names_text = _header_names_text(name)
        if names_text is False:
            continue
        kinds = [_kind(row.values[index]) for row in sample if index < len(row.values)]
        kinds = [kind for kind in kinds if kind is not _Kind.EMPTY]
        if not kinds:
            continue
        prose = sum(kind is _Kind.PROSE for kind in kinds) / len(kinds)
        wordy = sum(kind is not _Kind.OTHER for kind in kinds) / len(kinds)
        if prose > _MOSTLY or (names_text and wordy > _MOSTLY):
            picked.append(name)
    return picked


def select_columns(header: list[str], requested: list[str]) -> list[str]:
    """The header names matching ``requested``: exact after stripping, else case-insensitive."""
    selected: list[str] = []
    missing: list[str] = []
    for wanted in requested:
        match = _match_column(header, wanted)
        if match is None:
            missing.append(wanted)
        elif match not in selected:
            selected.append(match)
    if missing:
        names = ", ".join(repr(name) for name in missing)
        noun = "column" if len(missing) == 1 else "columns"
        available = ", ".join(repr(name) for name in header if name.strip()) or "none"
        raise InputError(f"{noun} {names} not found; available columns: {available}")
    return selected


def _match_column(header: list[str], wanted: str) -> str | None:
    key = wanted.strip()
    for name in header:
        if name.strip() == key:
            return name
    folded = [name for name in header if name.strip().casefold() == key.casefold()]
    if len(folded) > 1:
        options = ", ".join(repr(name) for name in folded)
        raise InputError(f"column {wanted!r} matches several columns ({options}); use exact case")
    return folded[0] if folded else None


def _header_names_text(name: str) -> bool | None:
    """True: names text; False: names identifiers, links or numbers; None: says neither."""
    words = re.findall(r"[a-z0-9]+", re.sub(r"([a-z])([A-Z])", r"\1 \2", name).lower())
    if any(word in _TEXT_HEADER_WORDS for word in words):
        return True
    if "".join(words) in _NON_TEXT_HEADER_WORDS or any(w in _NON_TEXT_HEADER_WORDS for w in words):
        return False
    return None


def _kind(value: object) -> _Kind:
    if not isinstance(value, str):
        return _Kind.EMPTY if is_empty_cell(value) else _Kind.OTHER
    text = value.strip()
    if not text:
        return _Kind.EMPTY
    if _HTML_TAG.search(text):
        return _Kind.PROSE
    if _LINK_OR_PATH.match(text) or not _LETTER.search(text):
        return _Kind.OTHER
    if len(_UNSPACED_SCRIPT.findall(text)) >= _UNSPACED_PROSE_LETTERS:
        return _Kind.PROSE
    if len(text.split()) == 1:
        # One token: a word ("Red", "T-Shirt") or a code ("TS-RED-42", "XL2").
        return _Kind.WORD if _SINGLE_WORD.fullmatch(text) else _Kind.OTHER
    words = _WORD.findall(text)
    if _DIGIT.search(text) and all(len(word) <= _MEASUREMENT_WORD_LENGTH for word in words):
        return _Kind.OTHER  # "2.5 lb", "10 x 20 cm", "AB 1234"
    if len(words) >= 2:
        return _Kind.PROSE
    return _Kind.WORD if words else _Kind.OTHER
