"""Write TMX 1.4b translation memories that CAT tools and :func:`polyshelf.tmx.iter_tmx` read.

Inline HTML becomes TMX inline codes holding the exact markup: tag pairs ``<bpt i>``/``<ept
i>``, unpaired tags ``<it pos>``, void tags, comments and character references ``<ph>``; so
``iter_tmx(..., keep_codes=True)`` gives back each text exactly. TMX has no way to hold the
characters XML refuses (C0 controls, lone surrogates), and iter_tmx drops units with an empty
side, so such units are left out; the count returned says how many were written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from polyshelf import __version__
from polyshelf.interchange.inline import INVALID_XML_CHAR, Part, split_inline
from polyshelf.interchange.units import BilingualUnit
from polyshelf.interchange.xml_out import (
    XML_DECLARATION,
    escape_text,
    start_tag,
    text_element,
    write_xml_file,
)

_CODE_ELEMENTS = {"start": "bpt", "end": "ept", "open": "it", "close": "it"}
_IT_POSITIONS = {"open": "begin", "close": "end"}


def write_tmx(path: Path, units: Iterable[BilingualUnit], src_lang: str, tgt_lang: str) -> int:
    """Write the units with a source and a target as TMX 1.4b; return how many were written."""
    written = 0
    body: list[str] = []
    for unit in units:
        tu = _translation_unit(unit, src_lang, tgt_lang)
        if tu is not None:
            body.append(tu)
            written += 1
    write_xml_file(Path(path), _document(body, src_lang))
    return written


def _document(body: Sequence[str], src_lang: str) -> Iterator[str]:
    yield XML_DECLARATION
    yield '<tmx version="1.4">\n'
    header = [
        ("creationtool", "Polyshelf"),
        ("creationtoolversion", __version__),
        ("segtype", "sentence"),
        ("o-tmf", "Polyshelf"),
        ("adminlang", "en"),
        ("srclang", src_lang),
        ("datatype", "html"),
    ]
    yield " " + start_tag("header", header, empty=True) + "\n <body>\n"
    yield from body
    yield " </body>\n</tmx>\n"


def _translation_unit(unit: BilingualUnit, src_lang: str, tgt_lang: str) -> str | None:
    if not unit.source.strip() or not unit.target.strip():
        return None
    fields = [unit.source, unit.target, unit.id, unit.note, *(k + v for k, v in unit.context)]
    if any(INVALID_XML_CHAR.search(field) for field in fields):
        return None
    source = split_inline(unit.source)
    target = split_inline(unit.target, like=source)
    lines = ["  " + start_tag("tu", [("tuid", unit.id)] if unit.id else []) + "\n"]
    lines += [f"   {text_element('prop', v, [('type', f'x-{k}')])}\n" for k, v in unit.context]
    if unit.note:
        lines.append(f"   {text_element('note', unit.note)}\n")
    for lang, parts in ((src_lang, source), (tgt_lang, target)):
        lines.append(f"   {start_tag('tuv', [('xml:lang', lang)])}<seg>{_seg(parts)}</seg></tuv>\n")
    lines.append("  </tu>\n")
    return "".join(lines)


def _seg(parts: Sequence[Part]) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(escape_text(part))
            continue
        name = _CODE_ELEMENTS.get(part.role, "ph")
        if name in ("bpt", "ept"):
            attrs = [("i", part.id)]
        elif name == "it":
            attrs = [("pos", _IT_POSITIONS[part.role])]
        else:
            attrs = []
        out.append(f"{start_tag(name, attrs)}{escape_text(part.raw)}</{name}>")
    return "".join(out)
