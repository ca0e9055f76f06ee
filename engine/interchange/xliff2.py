"""XLIFF 2.1: one ``<file>``, one ``<unit>`` with one ``<segment>`` per bilingual unit.

Inline HTML becomes inline codes CAT tools protect: tag pairs ``<pc>``, unpaired tags
``<sc isolated>``/``<ec isolated>``, void tags, comments and character references ``<ph>``,
each pointing at ``<originalData><data>`` with the exact markup; characters XML cannot hold
become ``<cp hex>``. Our review state and the unit's context travel in ``<mda:metadata>``, so
an unchanged file reads back to exactly the units written. Ids that are not XML NMTOKENs (or
repeat) are written as ``u<n>`` with the real id in ``name``; reading prefers ``name``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.etree.ElementTree import Element

from polyshelf.errors import InputError
from polyshelf.interchange.inline import (
    INVALID_XML_CHAR,
    Code,
    Part,
    entity_text,
    split_inline,
)
from polyshelf.interchange.states import StateMapping
from polyshelf.interchange.units import BilingualDocument, BilingualUnit
from polyshelf.interchange.xliff_checks import check_header, check_languages
from polyshelf.interchange.xml_in import local_name, namespace_of, parse_xml
from polyshelf.interchange.xml_out import (
    XML_DECLARATION,
    escape_text,
    require_xml_text,
    start_tag,
    text_element,
    write_xml_file,
)

NS = "urn:oasis:names:tc:xliff:document:2.0"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
VERSION = "2.1"
STATE_GROUP = "polyshelf"
CONTEXT_GROUP = "context"

STATES = StateMapping(
    to_format={
        "draft": "initial",
        "needs_rewriting": "initial",
        "rejected": "initial",
        "needs_review": "translated",
        "auto_approved": "translated",
        "approved": "reviewed",
    },
    from_format={
        "initial": "draft",
        "translated": "needs_review",
        "reviewed": "approved",
        "final": "approved",
    },
    default="initial",
)
_STATE_RANK = {"initial": 0, "translated": 1, "reviewed": 2, "final": 3}
_NMTOKEN = re.compile(r"[\w.:\-\u00b7]+")


def write_xliff2(path: Path, doc: BilingualDocument) -> None:
    """Write ``doc`` as an XLIFF 2.1 file (atomically)."""
    write_xml_file(Path(path), _document(doc))


def read_xliff2(path: Path) -> BilingualDocument:
    """Read an XLIFF 2.x file; InputError names the file and what is wrong."""
    path = Path(path)
    return xliff2_document(parse_xml(path), path.name)


def xliff2_document(root: Element, file_name: str) -> BilingualDocument:
    """The document held by an already parsed XLIFF 2.x root element."""
    if local_name(root.tag) != "xliff" or namespace_of(root.tag) != NS:
        raise InputError(f"{file_name} is not an XLIFF 2 file (root element <{root.tag}>)")
    version = root.get("version", "")
    if not version.startswith("2."):
        raise InputError(f"{file_name}: unsupported XLIFF version {version!r} (expected 2.x)")
    src_lang, tgt_lang = root.get("srcLang"), root.get("trgLang")
    if not src_lang or not tgt_lang:
        raise InputError(f"{file_name}: the <xliff> element needs srcLang and trgLang")
    files = root.findall(f"{{{NS}}}file")
    if not files:
        raise InputError(f"{file_name}: no <file> element")
    units = [
        _read_unit(unit, src_lang, tgt_lang, file_name)
        for file in files
        for unit in file.iter(f"{{{NS}}}unit")
    ]
    return BilingualDocument(src_lang, tgt_lang, units, files[0].get("original", ""))


# --- writing -------------------------------------------------------------------------------


def _document(doc: BilingualDocument) -> Iterator[str]:
    check_header(doc)
    yield XML_DECLARATION
    root_attrs = [
        ("xmlns", NS),
        ("xmlns:mda", MDA_NS),
        ("version", VERSION),
        ("srcLang", doc.src_lang),
        ("trgLang", doc.tgt_lang),
    ]
    yield start_tag("xliff", root_attrs) + "\n"
    file_attrs = [("id", "f1")] + ([("original", doc.original)] if doc.original else [])
    yield " " + start_tag("file", file_attrs) + "\n"
    for unit, xml_id in zip(doc.units, _xml_ids(doc.units), strict=True):
        check_languages(unit, doc)
        yield from _unit(unit, xml_id)
    yield " </file>\n</xliff>\n"


def _xml_ids(units: Sequence[BilingualUnit]) -> list[str]:
    usable = [_NMTOKEN.fullmatch(unit.id) is not None for unit in units]
    taken = {unit.id for unit, ok in zip(units, usable, strict=True) if ok}
    ids: list[str] = []
    seen: set[str] = set()
    counter = 0
    for unit, ok in zip(units, usable, strict=True):
        if ok and unit.id not in seen:
            seen.add(unit.id)
            ids.append(unit.id)
            continue
        counter += 1
        while f"u{counter}" in taken:
            counter += 1
        taken.add(f"u{counter}")
        ids.append(f"u{counter}")
    return ids


def _unit(unit: BilingualUnit, xml_id: str) -> Iterator[str]:
    what = f"unit {unit.id!r}"
    require_xml_text(unit.id, f"the id of {what}")
    attrs = [("id", xml_id)] + ([("name", unit.id)] if xml_id != unit.id else [])
    yield "  " + start_tag("unit", attrs) + "\n"
    yield from _metadata(unit, what)
    if unit.note:
        note = text_element("note", require_xml_text(unit.note, f"the note of {what}"))
        yield f"   <notes>{note}</notes>\n"
    source = split_inline(unit.source)
    target = split_inline(unit.target, like=source)
    data = _OriginalData()
    source_xml, target_xml = _content(source, data), _content(target, data)
    if data.entries:
        yield "   <originalData>\n"
        for raw, data_id in data.entries.items():
            yield f'    <data id="{data_id}">{_data_content(raw)}</data>\n'
        yield "   </originalData>\n"
    format_state = STATES.format_state(unit.state) if unit.state else ""
    segment_attrs = [("state", format_state)] if format_state else []
    yield "   " + start_tag("segment", segment_attrs) + "\n"
    yield f'    <source xml:space="preserve">{source_xml}</source>\n'
    if unit.target or format_state not in ("", STATES.default):
        yield f'    <target xml:space="preserve">{target_xml}</target>\n'
    yield "   </segment>\n  </unit>\n"


def _metadata(unit: BilingualUnit, what: str) -> Iterator[str]:
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    if unit.state:
        groups.append((STATE_GROUP, [("state", unit.state)]))
    if unit.context:
        groups.append((CONTEXT_GROUP, list(unit.context)))
    if not groups:
        return
    yield "   <mda:metadata>\n"
    for category, metas in groups:
        yield "    " + start_tag("mda:metaGroup", [("category", category)]) + "\n"
        for key, value in metas:
            require_xml_text(key + value, f"the context of {what}")
            yield "     " + text_element("mda:meta", value, [("type", key)]) + "\n"
        yield "    </mda:metaGroup>\n"
    yield "   </mda:metadata>\n"


class _OriginalData:
    """One ``<data>`` entry per distinct piece of markup in a unit."""

    def __init__(self) -> None:
        self.entries: dict[str, str] = {}

    def ref(self, raw: str) -> str:
        if raw not in self.entries:
            self.entries[raw] = f"d{len(self.entries) + 1}"
        return self.entries[raw]


def _content(parts: Sequence[Part], data: _OriginalData) -> str:
    ends = {part.id: part.raw for part in parts if isinstance(part, Code) and part.role == "end"}
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(escape_text(part))
        elif part.role == "start":
            attrs = [
                ("id", part.id),
                ("dataRefStart", data.ref(part.raw)),
                ("dataRefEnd", data.ref(ends[part.id])),
            ]
            out.append(start_tag("pc", attrs))
        elif part.role == "end":
            out.append("</pc>")
        elif part.role == "char":
            out.append(f'<cp hex="{ord(part.raw):04X}"/>')
        else:
            out.append(_standalone_code(part, data))
    return "".join(out)


def _standalone_code(code: Code, data: _OriginalData) -> str:
    attrs = [("id", code.id), ("dataRef", data.ref(code.raw))]
    if code.role in ("open", "close"):
        attrs.append(("isolated", "yes"))
        return start_tag("sc" if code.role == "open" else "ec", attrs, empty=True)
    if code.role == "entity":
        equivalent = entity_text(code.raw)
        if INVALID_XML_CHAR.search(equivalent) is None:
            attrs.append(("equiv", equivalent))
    return start_tag("ph", attrs, empty=True)


def _data_content(raw: str) -> str:
    position, out = 0, []
    for match in INVALID_XML_CHAR.finditer(raw):
        out.append(escape_text(raw[position : match.start()]))
        out.append(f'<cp hex="{ord(match.group()):04X}"/>')
        position = match.end()
    out.append(escape_text(raw[position:]))
    return "".join(out)


# --- reading -------------------------------------------------------------------------------


def _read_unit(unit: Element, src_lang: str, tgt_lang: str, file_name: str) -> BilingualUnit:
    unit_id = unit.get("name") if "name" in unit.attrib else unit.get("id")
    if unit_id is None:
        raise InputError(f"{file_name}: a <unit> has no id")
    where = f"{file_name} unit {unit_id!r}"
    kept_state, context = _read_metadata(unit)
    notes = unit.find(f"{{{NS}}}notes")
    note = (
        "\n".join(n.text or "" for n in notes.findall(f"{{{NS}}}note")) if notes is not None else ""
    )
    data = _read_original_data(unit, where)
    sources: list[str] = []
    targets: list[str] = []
    states: list[str] = []
    translated = False
    for part in unit:
        kind = local_name(part.tag)
        if namespace_of(part.tag) != NS or kind not in ("segment", "ignorable"):
            continue
        source = part.find(f"{{{NS}}}source")
        if source is None:
            raise InputError(f"{where}: a <{kind}> has no <source>")
        sources.append(_content_text(source, data, where))
        target = part.find(f"{{{NS}}}target")
        if target is not None:
            targets.append(_content_text(target, data, where))
            translated = translated or kind == "segment"
        else:
            targets.append(sources[-1] if kind == "ignorable" else "")
        if kind == "segment" and part.get("state"):
            states.append(part.get("state", ""))
    if not sources:
        raise InputError(f"{where}: the unit has no <segment>")
    written = min(states, key=lambda s: _STATE_RANK.get(s, 0)) if states else None
    return BilingualUnit(
        id=unit_id,
        source="".join(sources),
        target="".join(targets) if translated else "",
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        state=STATES.review_state(kept_state, written),
        note=note,
        context=context,
    )


def _read_metadata(unit: Element) -> tuple[str | None, tuple[tuple[str, str], ...]]:
    metadata = unit.find(f"{{{MDA_NS}}}metadata")
    if metadata is None:
        return None, ()
    state: str | None = None
    context: list[tuple[str, str]] = []
    for group in metadata.findall(f"{{{MDA_NS}}}metaGroup"):
        metas = [
            (meta.get("type", ""), meta.text or "") for meta in group.findall(f"{{{MDA_NS}}}meta")
        ]
        if group.get("category") == STATE_GROUP:
            state = next((value for key, value in metas if key == "state"), state)
        elif group.get("category") == CONTEXT_GROUP:
            context.extend(metas)
    return state, tuple(context)


def _read_original_data(unit: Element, where: str) -> dict[str, str]:
    original = unit.find(f"{{{NS}}}originalData")
    if original is None:
        return {}
    return {
        data.get("id", ""): _content_text(data, {}, where)
        for data in original.findall(f"{{{NS}}}data")
    }


def _content_text(element: Element, data: dict[str, str], where: str) -> str:
    """The exact text of source, target or data content, inline codes replaced by markup."""
    parts = [element.text or ""]
    for child in element:
        kind = local_name(child.tag)
        if kind == "pc":
            parts.append(_data_ref(child, "dataRefStart", data, where))
            parts.append(_content_text(child, data, where))
            parts.append(_data_ref(child, "dataRefEnd", data, where))
        elif kind in ("ph", "sc", "ec"):
            parts.append(_data_ref(child, "dataRef", data, where))
        elif kind == "cp":
            parts.append(_code_point(child, where))
        elif kind not in ("sm", "em"):  # annotation markers carry no text; <mrk> its content
            parts.append(_content_text(child, data, where))
        parts.append(child.tail or "")
    return "".join(parts)


def _data_ref(code: Element, attribute: str, data: dict[str, str], where: str) -> str:
    ref = code.get(attribute)
    if ref is None:
        return ""  # a code a tool added without original data stands for no markup
    if ref not in data:
        raise InputError(f"{where}: inline code refers to missing original data {ref!r}")
    return data[ref]


def _code_point(cp: Element, where: str) -> str:
    try:
        return chr(int(cp.get("hex", ""), 16))
    except (ValueError, OverflowError):
        raise InputError(f"{where}: bad <cp hex={cp.get('hex')!r}>") from None
