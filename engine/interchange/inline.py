"""Segment text as text runs and inline codes, the way the XML interchange formats need it.

A simple tokenizer finds HTML tags (``<b>``, ``</a>``, ``<br/>``, comments), character
references (``&amp;``, ``&#160;``) and characters XML 1.0 cannot hold (C0 controls, lone
surrogates, U+FFFE/U+FFFF). Every code keeps its exact source text, so joining the parts gives
back the text byte for byte. Opening and closing tags are paired like a browser would
(:func:`polyshelf.segment.tags.pair_tags`); pairs always nest, so writers may wrap them.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict, deque
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from polyshelf.segment.tags import pair_tags, tag_info

CodeRole = Literal["start", "end", "open", "close", "ph", "entity", "char"]

# Quoted attribute values may hold ">"; "<" must be followed by a name, "/", "!" or "?".
_TAG = r"<!--[\s\S]*?-->|<[A-Za-z/!?](?:[^<>\"']|\"[^\"]*\"|'[^']*')*>"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
# Not in XML 1.0's Char production (tab, LF and CR are allowed).
INVALID_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TOKEN = re.compile(f"(?P<tag>{_TAG})|(?P<entity>{_ENTITY})|(?P<char>{INVALID_XML_CHAR.pattern})")


@dataclass(frozen=True)
class Code:
    """One inline code: ``raw`` is its exact source text.

    Roles: ``start``/``end`` the two tags of a pair (same ``id``), ``open``/``close`` a tag
    whose partner is not in the text, ``ph`` a void tag or comment, ``entity`` a character
    reference, ``char`` one character XML cannot hold.
    """

    role: CodeRole
    raw: str
    id: str


Part = str | Code


def join_parts(parts: Sequence[Part]) -> str:
    return "".join(part if isinstance(part, str) else part.raw for part in parts)


def entity_text(raw: str) -> str:
    """What a character reference stands for (``&nbsp;`` gives U+00A0)."""
    return html.unescape(raw)


def split_inline(text: str, like: Sequence[Part] = ()) -> list[Part]:
    """``text`` as text runs and codes; codes matching one in ``like`` reuse its id.

    Pass the source's parts as ``like`` when splitting a target, so a translation's codes carry
    the ids of the source codes they copy (as XLIFF and TMX expect); other codes get new ids.
    """
    tokens: list[tuple[str, str]] = []  # (kind, raw); kind "text", "tag", "entity" or "char"
    position = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "text"
        if kind == "entity" and entity_text(match.group()) == match.group():
            continue  # "&T;" in "AT&T;" is no reference: plain text
        if match.start() > position:
            tokens.append(("text", text[position : match.start()]))
        tokens.append((kind, match.group()))
        position = match.end()
    if position < len(text):
        tokens.append(("text", text[position:]))
    partners = pair_tags([raw if kind == "tag" else None for kind, raw in tokens])
    ids = _IdPool(like)
    parts: list[Part] = []
    pair_ids: dict[int, str] = {}
    for index, (kind, raw) in enumerate(tokens):
        if kind == "text":
            if parts and isinstance(parts[-1], str):
                parts[-1] += raw  # entities that were no references leave runs to merge
            else:
                parts.append(raw)
            continue
        role = _role(kind, raw, index, partners)
        if role == "end":
            code = Code(role, raw, pair_ids[partners[index]])
        elif role == "start":
            code = Code(role, raw, ids.take(("pair", raw, tokens[partners[index]][1])))
            pair_ids[index] = code.id
        else:
            code = Code(role, raw, ids.take((role, raw)))
        parts.append(code)
    return parts


def _role(kind: str, raw: str, index: int, partners: dict[int, int]) -> CodeRole:
    if kind == "entity":
        return "entity"
    if kind == "char":
        return "char"
    partner = partners.get(index)
    if partner is not None:
        return "start" if partner > index else "end"
    role = tag_info(raw).role
    if role == "open":
        return "open"
    return "close" if role == "close" else "ph"


class _IdPool:
    """Hands out code ids: first those of matching codes in ``like``, then fresh numbers."""

    def __init__(self, like: Sequence[Part]) -> None:
        self._free: dict[tuple[str, ...], deque[str]] = defaultdict(deque)
        self._next = 1
        ends = {part.id: part.raw for part in like if isinstance(part, Code) and part.role == "end"}
        for part in like:
            if not isinstance(part, Code) or part.role == "end":
                continue
            key = (
                ("pair", part.raw, ends[part.id]) if part.role == "start" else (part.role, part.raw)
            )
            self._free[key].append(part.id)
            if part.id.isdigit():
                self._next = max(self._next, int(part.id) + 1)

    def take(self, key: tuple[str, ...]) -> str:
        free = self._free.get(key)
        if free:
            return free.popleft()
        code_id = str(self._next)
        self._next += 1
        return code_id
