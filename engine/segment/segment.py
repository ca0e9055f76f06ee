"""One MT segment: a sentence with protected spans as tokens, and how a translation comes back.

``text`` is exactly what the model sees. ``source_pieces`` are the exact source fragments
between the placeholders (for HTML: escaped, entities as written), so that a piece the
translation leaves unchanged comes back byte for byte; everything else is rebuilt from the
translation (upper-cased again for ALL-CAPS sources, escaped for HTML).

For HTML segments every ``Placeholder.original`` is the exact source markup of the span (tags
with their attributes, text escaped as in the cell), so originals can be inserted as they are.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from polyshelf.segment.placeholders import PLACEHOLDER_RE, Placeholder
from polyshelf.segment.tags import is_well_nested, pair_tags, tag_info

_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
# Scripts written without spaces between words: never add a space next to them.
_NO_SPACE_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x2E80, 0x9FFF),  # CJK, kana
    (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
    (0x20000, 0x3FFFF),
)


# Punctuation and spaces at the edges of a fallback piece (", Olive" -> ", " + "Olive"): kept
# from the source, since a piece translated on its own often loses them. Entities count as one.
_EDGE = r"(?:" + _ENTITY_RE.pattern + r"|[^\w])*"
_LEADING_EDGE_RE = re.compile("^" + _EDGE)
_TRAILING_EDGE_RE = re.compile(_EDGE + "$")


def _edges(piece: str) -> tuple[str, str, str]:
    """``piece`` as (leading punctuation, core, trailing punctuation); core starts and ends
    with a letter, digit or entity-free word character."""
    start = _LEADING_EDGE_RE.match(piece).end()  # type: ignore[union-attr]  # matches ""
    end = _TRAILING_EDGE_RE.search(piece, start).start()  # type: ignore[union-attr]
    return piece[:start], piece[start:end], piece[end:]


# Renders a protected span for the target locale: (kind, original plain text) -> text.
# Glossary terms become their target term, measurements are converted, numbers reformatted.
SpanRenderer = Callable[[str, str], str]


def has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def _takes_space(char: str) -> bool:
    code = ord(char)
    return char.isalnum() and not any(low <= code <= high for low, high in _NO_SPACE_RANGES)


def _leading_space(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing_space(text: str) -> str:
    return text[len(text.rstrip()) :]


def _adjust_space(current: str, wanted: str, neighbour: str) -> str:
    if not wanted:
        return ""
    if current:
        return wanted
    return wanted if _takes_space(neighbour) else ""


def _space_between(current: str, after_left: str | None, before_right: str | None) -> str:
    if after_left is None:
        return current if before_right is None else before_right
    if before_right is None or after_left == before_right:
        return after_left
    # The source disagrees (the tokens were not neighbours there): keep whether there was a space.
    return (after_left or before_right) if current else ""


@dataclass(frozen=True)
class Segment:
    """MT input for one sentence; hashable, equal for equal source."""

    text: str
    placeholders: tuple[Placeholder, ...] = ()
    recase: str | None = None
    source_pieces: tuple[str, ...] = ()
    html: bool = False

    def __post_init__(self) -> None:
        indices = [int(match.group(1)) for match in PLACEHOLDER_RE.finditer(self.text)]
        if indices != list(range(len(self.placeholders))) or any(
            placeholder.index != number for number, placeholder in enumerate(self.placeholders)
        ):
            raise ValueError(f"tokens of {self.text!r} do not match its placeholders")
        if self.recase not in (None, "upper"):
            raise ValueError(f"unknown recase {self.recase!r}")
        if not self.source_pieces:
            object.__setattr__(self, "source_pieces", tuple(self._mt_pieces))
        elif len(self.source_pieces) != len(self.placeholders) + 1:
            raise ValueError("source_pieces must have one piece more than placeholders")

    @cached_property
    def _mt_pieces(self) -> list[str]:
        return PLACEHOLDER_RE.split(self.text)[::2]

    @property
    def source(self) -> str:
        """The source text of the segment, placeholders as their originals (for reports)."""
        parts = [self.source_pieces[0]]
        for placeholder, piece in zip(self.placeholders, self.source_pieces[1:], strict=True):
            parts += [placeholder.original, piece]
        return "".join(parts)

    # -- restore --------------------------------------------------------------------------

    def restore(self, translation: str, render: SpanRenderer | None = None) -> str | None:
        """The translation with tokens replaced by their originals (or what ``render`` makes of
        them for the target locale), or None when a token is missing, duplicated or unknown, or
        paired tags come back crossed or out of order."""
        # Edge whitespace is the template's, except where the source has some it cannot give
        # away (the end of a reference like "&x\xa0" that decodes as one piece).
        translation = _leading_space(self.text) + translation.strip() + _trailing_space(self.text)
        matches = list(PLACEHOLDER_RE.finditer(translation))
        order = [int(match.group(1)) for match in matches]
        count = len(self.placeholders)
        if sorted(order) != list(range(count)):
            return None
        same_order = order == list(range(count))
        if not same_order and not is_well_nested(order, self._tag_roles, self._tag_partners):
            return None
        pieces = self._fix_spacing(PLACEHOLDER_RE.split(translation)[::2], order)
        parts: list[str] = []
        for number, piece in enumerate(pieces):
            if same_order and piece == self._mt_pieces[number]:
                parts.append(self.source_pieces[number])
            else:
                parts.append(self._finish(piece))
            if number < count:
                parts.append(self.rendered(self.placeholders[order[number]], render))
        return "".join(parts)

    def rendered(self, placeholder: Placeholder, render: SpanRenderer | None) -> str:
        """What goes where ``placeholder`` was: its original, or its rendering for the target
        (escaped for HTML, upper-cased in an ALL-CAPS segment); tags always stay as they are."""
        if render is None or placeholder.kind == "tag":
            return placeholder.original
        plain = html.unescape(placeholder.original) if self.html else placeholder.original
        text = render(placeholder.kind, plain)
        if text == plain:
            return placeholder.original
        if self.recase == "upper" and placeholder.kind == "term":
            text = text.upper()
        return html.escape(text, quote=False) if self.html else text

    @cached_property
    def _tag_roles(self) -> dict[int, str]:
        return {
            placeholder.index: tag_info(placeholder.original).role
            for placeholder in self.placeholders
            if placeholder.kind == "tag"
        }

    @cached_property
    def _tag_partners(self) -> dict[int, int]:
        return pair_tags(
            [
                placeholder.original if placeholder.kind == "tag" else None
                for placeholder in self.placeholders
            ]
        )

    def _space_before(self, index: int) -> str | None:
        """Whitespace before token ``index`` in the source; None at the start of the segment."""
        piece = self._mt_pieces[index]
        if index == 0 and not piece:
            return None
        return _trailing_space(piece)

    def _space_after(self, index: int) -> str | None:
        piece = self._mt_pieces[index + 1]
        if index == len(self.placeholders) - 1 and not piece:
            return None
        return _leading_space(piece)

    def _fix_spacing(self, pieces: list[str], order: list[int]) -> list[str]:
        """Whitespace next to each token as in the source: ``⟦0⟧ Kissen ⟦1⟧`` for source
        ``⟦0⟧cushion⟦1⟧`` becomes ``⟦0⟧Kissen⟦1⟧``."""
        fixed = list(pieces)
        for number, piece in enumerate(pieces):
            left = order[number - 1] if number > 0 else None
            right = order[number] if number < len(order) else None
            after_left = None if left is None else self._space_after(left)
            before_right = None if right is None else self._space_before(right)
            core = piece.strip()
            if not core:
                if left is not None and right is not None:
                    fixed[number] = self._between_neighbours(left, right) or _space_between(
                        piece, after_left, before_right
                    )
                continue
            lead, trail = _leading_space(piece), _trailing_space(piece)
            if after_left is not None and (
                after_left or not core[0].isalnum() or self._glued(left, after=True)
            ):
                lead = _adjust_space(lead, after_left, core[0])
            if before_right is not None and (
                before_right or not core[-1].isalnum() or self._glued(right, after=False)
            ):
                trail = _adjust_space(trail, before_right, core[-1])
            fixed[number] = lead + core + trail
        return fixed

    def _between_neighbours(self, left: int, right: int) -> str | None:
        """The source's punctuation between two tokens that are neighbours in the source and
        the translation: ``⟦0⟧-⟦1⟧`` (10-12) that came back as ``⟦0⟧ ⟦1⟧`` keeps its dash."""
        if right != left + 1:
            return None
        between = self._mt_pieces[right]
        if not between.strip() or has_letter(between):
            return None
        return between

    def _glued(self, index: int, after: bool) -> bool:
        """Whether token ``index`` touches a letter or digit in the source on that side (or is a
        tag): only then does "no space" there bind the translation. ``⟦0⟧.`` in the source
        says nothing about ``⟦0⟧ Schild`` in the translation."""
        if self.placeholders[index].kind == "tag":
            return True
        piece = self._mt_pieces[index + 1] if after else self._mt_pieces[index]
        neighbour = piece[:1] if after else piece[-1:]
        return bool(neighbour) and neighbour.isalnum()

    @cached_property
    def _entities(self) -> dict[str, str]:
        """Characters the HTML source wrote as entities (``&nbsp;``...), written the same way."""
        entities: dict[str, str] = {}
        for piece in self.source_pieces:
            for match in _ENTITY_RE.finditer(piece):
                char = html.unescape(match.group())
                if len(char) == 1:
                    entities.setdefault(char, match.group())
        return entities

    def _finish(self, text: str) -> str:
        if self.recase == "upper":
            text = text.upper()
        if not self.html:
            return text
        entities = self._entities
        return "".join(entities.get(char) or _HTML_ESCAPES.get(char, char) for char in text)

    # -- fallback -------------------------------------------------------------------------

    def fallback_parts(self) -> list[str | Placeholder]:
        """The source split at every placeholder, in order.

        Each ``str`` is a piece with letters to translate on its own (MT form, no surrounding
        whitespace); pieces without letters (spaces, punctuation) are left out of the list and
        kept verbatim by :meth:`render_fallback`.
        """
        parts: list[str | Placeholder] = []
        for number, piece in enumerate(self._mt_pieces):
            if has_letter(piece):
                parts.append(_edges(piece)[1])
            if number < len(self.placeholders):
                parts.append(self.placeholders[number])
        return parts

    def render_fallback(self, translated: Sequence[str], render: SpanRenderer | None = None) -> str:
        """Join translations of the ``str`` parts of :meth:`fallback_parts` with the originals
        and the source whitespace; every protected span comes back unchanged and in order."""
        expected = sum(1 for piece in self._mt_pieces if has_letter(piece))
        if len(translated) != expected:
            raise ValueError(f"expected {expected} translated pieces, got {len(translated)}")
        remaining = iter(translated)
        parts: list[str] = []
        for number, piece in enumerate(self._mt_pieces):
            source = self.source_pieces[number]
            if has_letter(piece):
                translation = next(remaining).strip()
                if translation == _edges(piece)[1]:
                    parts.append(source)
                else:
                    lead, _, trail = _edges(source)
                    parts.append(lead + self._finish(translation) + trail)
            else:
                parts.append(source)
            if number < len(self.placeholders):
                parts.append(self.rendered(self.placeholders[number], render))
        return "".join(parts)
