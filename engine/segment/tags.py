"""HTML element names, and inline tags as raw source text: name, role, which ones pair up."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


def _names(names: str) -> frozenset[str]:
    return frozenset(names.split())


VOID_ELEMENTS = _names("area base br col embed hr img input link meta param source track wbr")
# Elements that start a new block of text (never inside a segment); <br> too.
BLOCK_ELEMENTS = _names(
    """p div ul ol li h1 h2 h3 h4 h5 h6 table tr td th section dl dt dd blockquote hr pre
    header footer article aside nav main figure figcaption thead tbody tfoot caption colgroup
    col form fieldset legend address details summary html head body title meta link base
    option optgroup select textarea center iframe video audio source track noscript menu
    dialog object embed canvas svg br"""
)
# Content kept verbatim, never translated.
VERBATIM_CONTENT_ELEMENTS = _names("script style")
INLINE_ELEMENTS = _names(
    """a abbr acronym b bdi bdo big button cite code data del dfn em font i img input ins kbd
    label mark nobr picture q rp rt ruby s samp small span strike strong sub sup time tt u var
    wbr"""
)
KNOWN_ELEMENTS = BLOCK_ELEMENTS | VERBATIM_CONTENT_ELEMENTS | INLINE_ELEMENTS | VOID_ELEMENTS
_TAG_NAME_RE = re.compile(r"<\s*(/)?\s*([^\s/>]+)")


@dataclass(frozen=True)
class TagInfo:
    name: str
    role: str  # "open", "close" or "void" (void elements, self-closing tags, comments)


def tag_info(raw: str) -> TagInfo:
    match = _TAG_NAME_RE.match(raw)
    if match is None or raw.startswith(("<!", "<?")):
        return TagInfo("", "void")
    name = match.group(2).lower()
    if match.group(1):
        return TagInfo(name, "close")
    if name in VOID_ELEMENTS or raw.rstrip().endswith("/>"):
        return TagInfo(name, "void")
    return TagInfo(name, "open")


def pair_tags(tags: Sequence[str | None]) -> dict[int, int]:
    """Partners by position (both directions); ``None`` entries are not tags.

    A closing tag closes the latest open tag of its name, like a browser; openers left above it
    and closers with no opener stay unpaired.
    """
    partners: dict[int, int] = {}
    open_tags: list[tuple[str, int]] = []
    for position, raw in enumerate(tags):
        if raw is None:
            continue
        info = tag_info(raw)
        if info.role == "open":
            open_tags.append((info.name, position))
        elif info.role == "close":
            for depth in range(len(open_tags) - 1, -1, -1):
                name, opener = open_tags[depth]
                if name == info.name:
                    partners[position] = opener
                    partners[opener] = position
                    del open_tags[depth:]
                    break
    return partners


def is_well_nested(order: Iterable[int], roles: dict[int, str], partners: dict[int, int]) -> bool:
    """True when tags in this order nest properly: each pair closes its innermost open tag, and
    a closer whose opener lies outside the segment sits outside every pair of the segment."""
    open_stack: list[int] = []
    for position in order:
        role = roles.get(position)
        if role == "open":
            open_stack.append(position)
        elif role == "close":
            partner = partners.get(position)
            if partner is None:
                if open_stack:
                    return False
            elif not open_stack or open_stack[-1] != partner:
                return False
            else:
                open_stack.pop()
    return True
