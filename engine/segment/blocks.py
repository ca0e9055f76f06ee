"""One block (a paragraph, list item or line) cut into segments and verbatim text.

The block's text is split into sentences; each inline tag goes to the sentence it sits in (at a
boundary, closing tags to the sentence before, others to the one after). Tags and whitespace
at the edges of a sentence that need not be inside it (a pair wrapping the whole sentence, a
tag whose partner lies in another sentence) stay outside the segment, in the template.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from polyshelf.segment.casing import is_all_caps, sentence_case
from polyshelf.segment.markup import Tag, TextRun
from polyshelf.segment.placeholders import (
    Placeholder,
    ProtectedSpan,
    SpanFinder,
    find_protected_spans,
    token_for,
)
from polyshelf.segment.segment import Segment, has_letter
from polyshelf.segment.sentences import Span, sentence_spans, split_long
from polyshelf.segment.tags import pair_tags, tag_info

BlockAtom = TextRun | Tag
PlanItem = str | Segment  # str: copied verbatim

_SPACES_RE = re.compile(r"[ \t\n\r\f\v]+")
# Spans rendered for the target locale: a segment of nothing else still needs its rendering
# (a cell "20 x 20 in" becomes "51 x 51 cm" without MT).
LOCALIZED_KINDS = frozenset({"term", "measure", "price", "percent", "date", "metric", "attribute"})


@dataclass(frozen=True)
class BlockOptions:
    language: str
    dnt_terms: tuple[str, ...]
    max_chars: int
    html: bool
    finders: tuple[SpanFinder, ...] = ()
    keep_capitals: Callable[[str], bool] | None = None

    def protected_spans(self, text: str, capitals: bool = True) -> list[ProtectedSpan]:
        return find_protected_spans(
            text,
            dnt_terms=self.dnt_terms,
            capitals=capitals,
            finders=self.finders,
            keep_capitals=self.keep_capitals,
        )


def raw_of(atom: BlockAtom) -> str:
    return atom.raw


def _merge_runs(atoms: Sequence[BlockAtom]) -> list[BlockAtom]:
    merged: list[BlockAtom] = []
    for atom in atoms:
        if isinstance(atom, TextRun) and merged and isinstance(merged[-1], TextRun):
            merged[-1] = merged[-1] + atom
        elif not isinstance(atom, TextRun) or atom.text or atom.raw:
            merged.append(atom)
    return merged


def _sentence_pieces(plain: str, options: BlockOptions) -> list[Span]:
    spaced = _SPACES_RE.sub(lambda match: " " * len(match.group()), plain)
    pieces: list[Span] = []
    protected: list[Span] | None = None
    for span in sentence_spans(spaced, options.language):
        if span[1] - span[0] <= options.max_chars:
            pieces.append(span)
            continue
        if protected is None:
            found = options.protected_spans(plain)
            protected = [(found_span.start, found_span.end) for found_span in found]
        pieces += split_long(plain, span, options.max_chars, protected)
    return pieces


def _cut_runs(atoms: Sequence[BlockAtom], spans: Sequence[Span]) -> list[tuple[BlockAtom, int]]:
    """Atoms with text runs cut at sentence bounds; each paired with its sentence (-1: none)."""
    cuts = sorted({bound for span in spans for bound in span})
    units: list[tuple[BlockAtom, int]] = []
    offset = 0
    for atom in atoms:
        if isinstance(atom, Tag) or not atom.text:
            units.append((atom, -1))
            continue
        length = len(atom.text)
        bounds = [0, *(cut - offset for cut in cuts if offset < cut < offset + length), length]
        for start, end in pairwise(bounds):
            piece = atom.slice(start, end)
            if not piece.raw:
                continue
            owner = next((k for k, (s, e) in enumerate(spans) if s <= offset + start < e), -1)
            units.append((piece, owner))
        offset += length
    return units


def _assign_tags(units: list[tuple[BlockAtom, int]]) -> list[int]:
    """Sentence of every unit: tags go to the sentence they are in, or at a boundary, leading
    closing tags to the sentence before and the rest to the sentence after."""
    owners = [owner for _, owner in units]
    current = -1
    pending: list[int] = []
    for position, (atom, owner) in enumerate(units):
        if isinstance(atom, Tag):
            pending.append(position)
            continue
        if owner < 0:
            continue
        if pending and current != owner:
            closers = 0
            while (
                closers < len(pending) and tag_info(units[pending[closers]][0].raw).role == "close"
            ):
                closers += 1
            for tag_position in pending[:closers]:
                owners[tag_position] = current if current >= 0 else owner
            for tag_position in pending[closers:]:
                owners[tag_position] = owner
        else:
            for tag_position in pending:
                owners[tag_position] = owner
        pending = []
        current = owner
    for tag_position in pending:
        owners[tag_position] = current
    return owners


def _split_space(run: TextRun, leading: bool) -> tuple[TextRun, TextRun] | None:
    """(space, rest) at one end of ``run``; None when there is none to split off (also when
    the space is the end of a reference that decodes to several characters)."""
    stripped = run.text.lstrip() if leading else run.text.rstrip()
    if len(stripped) == len(run.text):
        return None
    cut = run.snap(len(run.text) - len(stripped) if leading else len(stripped))
    if cut == (0 if leading else len(run.text)):
        return None
    before, after = run.slice(0, cut), run.slice(cut, len(run.text))
    return (before, after) if leading else (after, before)


def _strip_edges(
    atoms: list[BlockAtom],
) -> tuple[list[BlockAtom], list[BlockAtom], list[BlockAtom]]:
    """(left, core, right): whitespace and tags at the edges that can stay outside the segment."""
    left: list[BlockAtom] = []
    right: list[BlockAtom] = []
    core = _merge_runs(atoms)
    while core:
        first, last = core[0], core[-1]
        split = _split_space(first, leading=True) if isinstance(first, TextRun) else None
        if split is not None:
            left.append(split[0])
            core[0:1] = [split[1]] if split[1].raw else []
            continue
        split = _split_space(last, leading=False) if isinstance(last, TextRun) else None
        if split is not None:
            right.insert(0, split[0])
            core[-1:] = [split[1]] if split[1].raw else []
            continue
        partners = pair_tags([atom.raw if isinstance(atom, Tag) else None for atom in core])
        if isinstance(first, Tag) and 0 not in partners:
            left.append(core.pop(0))
        elif isinstance(last, Tag) and len(core) - 1 not in partners:
            right.insert(0, core.pop())
        elif isinstance(first, Tag) and partners[0] == len(core) - 1:
            left.append(core.pop(0))
            right.insert(0, core.pop())
        else:
            break
    return left, core, right


def build_segment(atoms: Sequence[BlockAtom], options: BlockOptions) -> Segment | None:
    """The segment for the atoms of one sentence; None when no letters are left to translate."""
    capitals_free = [
        (atom, options.protected_spans(atom.text, capitals=False))
        for atom in atoms
        if isinstance(atom, TextRun)
    ]
    unprotected = "".join(
        run.text[start:end]
        for run, spans in capitals_free
        for start, end in zip(
            [0] + [span.end for span in spans],
            [span.start for span in spans] + [len(run.text)],
            strict=True,
        )
    )
    all_caps = is_all_caps(unprotected)
    pieces: list[tuple[str, str]] = [("", "")]  # (text, raw) between placeholders
    placeholders: list[Placeholder] = []

    def add_placeholder(original: str, kind: str) -> None:
        placeholders.append(Placeholder(len(placeholders), original, kind))
        pieces.append(("", ""))

    def add_text(run: TextRun) -> None:
        text, raw = pieces[-1]
        pieces[-1] = (text + run.text, raw + run.raw)

    for atom in atoms:
        if isinstance(atom, Tag):
            add_placeholder(atom.raw, "tag")
            continue
        spans = options.protected_spans(atom.text, capitals=not all_caps)
        position = 0
        for span in spans:
            start, end = atom.snap(span.start), atom.snap(span.end)
            if start < position or end <= start:
                continue
            add_text(atom.slice(position, start))
            add_placeholder(atom.slice(start, end).raw, span.kind)
            position = end
        add_text(atom.slice(position, len(atom.text)))
    mt_pieces = [_SPACES_RE.sub(" ", text) for text, _ in pieces]
    if all_caps:
        mt_pieces = sentence_case(mt_pieces)
    if not has_letter("".join(mt_pieces)) and not any(
        p.kind in LOCALIZED_KINDS for p in placeholders
    ):
        return None
    text = mt_pieces[0] + "".join(
        token_for(number) + piece for number, piece in enumerate(mt_pieces[1:])
    )
    return Segment(
        text=text,
        placeholders=tuple(placeholders),
        recase="upper" if all_caps else None,
        source_pieces=tuple(raw for _, raw in pieces),
        html=options.html,
    )


def plan_block(atoms: Sequence[BlockAtom], options: BlockOptions) -> list[PlanItem]:
    """The block as verbatim strings and segments, in order."""
    atoms = _merge_runs(atoms)
    plain = "".join(atom.text for atom in atoms if isinstance(atom, TextRun))
    if not has_letter(plain):
        return ["".join(map(raw_of, atoms))]
    spans = _sentence_pieces(plain, options)
    units = _cut_runs(atoms, spans)
    owners = _assign_tags(units)
    last_unit = {owner: position for position, owner in enumerate(owners)}
    items: list[PlanItem] = []
    position = 0
    while position < len(units):
        owner = owners[position]
        if owner < 0:
            items.append(raw_of(units[position][0]))
            position += 1
            continue
        last = last_unit[owner]
        items += _plan_sentence([atom for atom, _ in units[position : last + 1]], options)
        position = last + 1
    return items


def _plan_sentence(atoms: list[BlockAtom], options: BlockOptions) -> list[PlanItem]:
    left, core, right = _strip_edges(atoms)
    segment = build_segment(core, options) if core else None
    if segment is None:
        return ["".join(map(raw_of, atoms))]
    return ["".join(map(raw_of, left)), segment, "".join(map(raw_of, right))]
