"""Bilingual units: what the interchange formats (XLIFF, TMX, TM csv) carry in and out."""

from __future__ import annotations

from dataclasses import dataclass

# Our review states; formats map them to their own state names and keep ours alongside.
REVIEW_STATES = (
    "draft",
    "needs_review",
    "approved",
    "rejected",
    "needs_rewriting",
    "auto_approved",
)


@dataclass(frozen=True)
class BilingualUnit:
    """One source text and its translation.

    ``source`` and ``target`` are the segment text as stored: plain text that may hold inline
    HTML markup and character references (``Soft <b>cotton</b>``, ``Tom &amp; Jerry``).
    ``context`` is ordered (key, value) pairs such as (("sheet", "Products"), ("row", "12")).
    """

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    state: str = ""
    note: str = ""
    context: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class BilingualDocument:
    """The units of one job for one language pair; ``original`` names the catalog file."""

    src_lang: str
    tgt_lang: str
    units: list[BilingualUnit]
    original: str = ""
