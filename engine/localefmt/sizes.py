"""Clothing and shoe size conversion between US, UK and EU (tables in sizes.json).

Kinds: shoe-women, shoe-men, clothing-women (dress sizes), clothing-men (suit/jacket chest sizes).
Letter sizes (XS, M, 2XL, One Size) are the same everywhere and pass through unchanged.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import lru_cache
from importlib import resources

from polyshelf.localefmt.numbers import parse_quantity

SYSTEMS = ("US", "UK", "EU")
KINDS = ("shoe-women", "shoe-men", "clothing-women", "clothing-men")
# Unisex shoe sizes in US catalogs follow the men's chart; a bare "dress size" is women's.
DEFAULT_SHOE_KIND = "shoe-men"
DEFAULT_CLOTHING_KIND = "clothing-women"

_LETTER_SIZE_RE = re.compile(r"(?:\d?X{0,4}[SML]|X{1,4}L|\d?XL|one\s*size|os)", re.IGNORECASE)
_SYSTEM_AFFIX_RE = re.compile(r"^(?:US|UK|EU|EUR)\s*|\s*(?:US|UK|EU|EUR)$", re.IGNORECASE)
_WOMEN_RE = re.compile(r"\b(?:women|woman|womens|ladies|lady|girls?)\b", re.IGNORECASE)
_MEN_RE = re.compile(r"\b(?:men|man|mens|gents|boys?)\b", re.IGNORECASE)
_SHOE_RE = re.compile(r"\b(?:shoes?|boots?|sneakers?|footwear|sandals?|heels?)\b", re.IGNORECASE)
_CLOTHING_RE = re.compile(
    r"\b(?:dress|clothing|apparel|suit|jacket|blazer|garment)\b", re.IGNORECASE
)
_MEN_CLOTHING_RE = re.compile(r"\b(?:suit|jacket|blazer)\b", re.IGNORECASE)
_HEADER_SYSTEM_RE = re.compile(r"\b(US|UK|EU|EUR)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _tables() -> dict[str, list[list[str]]]:
    text = resources.files("polyshelf.localefmt").joinpath("sizes.json").read_text("utf-8")
    data = json.loads(text)
    return {kind: data[kind] for kind in KINDS}


def convert_size(value: str, kind: str, from_system: str, to_system: str) -> str | None:
    """``value`` of ``kind`` in ``from_system`` expressed in ``to_system`` (``"8.5"`` style).

    Letter sizes pass through unchanged; an unknown kind, system or size gives None.
    """
    if kind not in KINDS or from_system not in SYSTEMS or to_system not in SYSTEMS:
        return None
    text = value.strip()
    if _LETTER_SIZE_RE.fullmatch(text):
        return text
    number = parse_quantity(_SYSTEM_AFFIX_RE.sub("", text).replace(",", "."))
    if number is None:
        return None
    source, target = SYSTEMS.index(from_system), SYSTEMS.index(to_system)
    for row in _tables()[kind]:
        if Decimal(row[source]) == number:
            return row[target]
    return None


def size_column_kind(header: str) -> tuple[str, str] | None:
    """``(kind, system)`` for a size column header, or None if it is not one.

    "Women's shoe size (US)" → ("shoe-women", "US"); "Shoe size" → ("shoe-men", "US") (US is
    assumed when the header names no system; unisex shoes use the men's chart); "Dress size (UK)"
    → ("clothing-women", "UK"). A plain "Size" names no kind and gives None.
    """
    if not re.search(r"\bsizes?\b", header, re.IGNORECASE):
        return None
    name = header.replace("'", " ").replace("’", " ")
    system_match = _HEADER_SYSTEM_RE.search(name)
    system = system_match.group(1).upper() if system_match else "US"
    system = "EU" if system == "EUR" else system
    women, men = bool(_WOMEN_RE.search(name)), bool(_MEN_RE.search(name))
    if _SHOE_RE.search(name):
        kind = "shoe-women" if women else "shoe-men" if men else DEFAULT_SHOE_KIND
    elif _CLOTHING_RE.search(name) or women or men:
        if women:
            kind = "clothing-women"
        elif men or _MEN_CLOTHING_RE.search(name):
            kind = "clothing-men"
        else:
            kind = DEFAULT_CLOTHING_KIND
    else:
        return None
    return kind, system
