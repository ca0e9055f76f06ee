"""One catalog cell as MT segments plus a template that puts the translations back.

Plain text: lines are blocks. HTML: block-level tags, <br>, script/style and declarations
separate blocks; inline tags inside a block become placeholders. Everything that is not a
segment is kept in the template verbatim, so rendering the identity translation gives back the
cell byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from polyshelf.errors import ConfigError
from polyshelf.issues import Issue
from polyshelf.segment.blocks import BlockAtom, BlockOptions, PlanItem, plan_block
from polyshelf.segment.markup import Atom, TextRun, Verbatim, looks_like_html, parse_html
from polyshelf.segment.placeholders import SpanFinder
from polyshelf.segment.segment import Segment

_LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")


@dataclass
class CellPlan:
    """Segments to translate and how to render the cell from their translations.

    ``template`` holds verbatim strings and, as ints, the positions of segments; empty means
    the segments alone, in order.
    """

    segments: list[Segment]
    issues: list[Issue]
    is_html: bool
    template: list[str | int] = field(default_factory=list)

    def render(self, translations: Sequence[str]) -> str:
        """The cell with ``translations[i]`` (restored text) in place of ``segments[i]``."""
        if len(translations) != len(self.segments):
            raise ValueError(f"{len(self.segments)} segments but {len(translations)} translations")
        layout = self.template or list(range(len(self.segments)))
        return "".join(translations[item] if isinstance(item, int) else item for item in layout)


def _plain_blocks(text: str) -> Iterator[list[Atom]]:
    position = 0
    for match in _LINE_BREAK_RE.finditer(text):
        yield [TextRun.plain(text[position : match.start()]), Verbatim(match.group())]
        position = match.end()
    yield [TextRun.plain(text[position:])]


def _blocks(atoms: Iterable[Atom]) -> Iterator[tuple[list[BlockAtom], str]]:
    """Runs of text and inline tags, each with the verbatim markup that follows it."""
    block: list[BlockAtom] = []
    for atom in atoms:
        if isinstance(atom, Verbatim):
            yield block, atom.raw
            block = []
        else:
            block.append(atom)
    yield block, ""


def segment_cell(
    text: str,
    source_lang: str,
    *,
    dnt_terms: Iterable[str] = (),
    max_chars: int = 300,
    finders: Sequence[SpanFinder] = (),
    keep_capitals: Callable[[str], bool] | None = None,
) -> CellPlan:
    """Split a cell (plain text or HTML) into MT segments and a template to render it back.

    ``finders`` and ``keep_capitals`` extend what is protected (see find_protected_spans).
    """
    if max_chars < 1:
        raise ConfigError(f"max_chars must be at least 1, not {max_chars}")
    is_html = looks_like_html(text)
    issues: list[Issue] = []
    if is_html:
        atoms, issues = parse_html(text)
    else:
        atoms = [atom for line in _plain_blocks(text) for atom in line]
    options = BlockOptions(
        source_lang, tuple(dnt_terms), max_chars, is_html, tuple(finders), keep_capitals
    )
    items: list[PlanItem] = []
    for block, separator in _blocks(atoms):
        if block:
            items += plan_block(block, options)
        items.append(separator)
    segments: list[Segment] = []
    template: list[str | int] = []
    for item in items:
        if isinstance(item, Segment):
            template.append(len(segments))
            segments.append(item)
        elif item and template and isinstance(template[-1], str):
            template[-1] += item
        elif item:
            template.append(item)
    return CellPlan(segments, issues, is_html, template)
