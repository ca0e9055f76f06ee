"""XLIFF 1.2: one ``<file>``, one ``<trans-unit>`` per bilingual unit.

Inline HTML is written as native-code elements CAT tools protect: tag pairs ``<bpt>``/``<ept>``
(same id), unpaired tags ``<it pos>``, void tags, comments and character references ``<ph>``,
each holding the exact markup as its content. A character XML cannot hold is a ``<ph
ctype="x-polyshelf-char">`` holding its hex code point. Context is a ``<context-group
purpose="location">`` with ``x-<key>`` context types; our exact review state is a second
context group (``name="polyshelf"``), which CAT tools keep like any context.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.etree.ElementTree import Element

from polyshelf.errors import InputError
from polyshelf.interchange.inline import Part, split_inline
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

NS = "urn:oasis:names:tc:xliff:document:1.2"
VERSION = "1.2"
CHAR_CTYPE = "x-polyshelf-char"
STATE_GROUP = "polyshelf"
STATE_CONTEXT = "x-review-state"
LOCATION_GROUP = "location"

STATES = StateMapping(
    to_format={
        "draft": "needs-translation",
        "needs_rewriting": "needs-translation",
        "rejected": "needs-translation",
        "needs_review": "needs-review-translation",
        "auto_approved": "translated",
        "approved": "signed-off",
    },
    from_format={
        "new": "draft",
        "needs-translation": "draft",
        "needs-l10n": "draft",
        "needs-adaptation": "draft",
        "needs-review-translation": "needs_review",
        "needs-review-l10n": "needs_review",
        "needs-review-adaptation": "needs_review",
        "translated": "needs_review",
        "signed-off": "approved",
        "final": "approved",
    },
    default="needs-translation",
)
_CODE_ELEMENTS = {"start": "bpt", "end": "ept", "open": "it", "close": "it", "ph": "ph"}


def write_xliff12(path: Path, doc: BilingualDocument) -> None:
    """Write ``doc`` as an XLIFF 1.2 file (atomically)."""
    write_xml_file(Path(path), _document(doc))


def read_xliff12(path: Path) -> BilingualDocument:
    """Read an XLIFF 1.2 file (with or without its namespace); InputError names the problem."""
    path = Path(path)
    return xliff12_document(parse_xml(path), path.name)


def xliff12_document(root: Element, file_name: str) -> BilingualDocument:
    """The document held by an already parsed XLIFF 1.2 root element."""
    ns = namespace_of(root.tag)
    if local_name(root.tag) != "xliff" or ns not in (NS, ""):
        raise InputError(f"{file_name} is not an XLIFF 1.2 file (root element <{root.tag}>)")
    if root.get("version") not in ("1.2", "1.1", "1.0"):
        raise InputError(
            f"{file_name}: unsupported XLIFF version {root.get('version')!r} (expected 1.2)"
        )
    q = f"{{{ns}}}" if ns else ""
    files = root.findall(f"{q}file")
    if not files:
        raise InputError(f"{file_name}: no <file> element")
    first = files[0]
    src_lang, tgt_lang = first.get("source-language"), first.get("target-language")
    if not src_lang or not tgt_lang:
        raise InputError(f"{file_name}: <file> needs source-language and target-language")
    units = [
        _read_unit(unit, q, src_lang, tgt_lang, file_name)
        for file in files
        for unit in file.iter(f"{q}trans-unit")
    ]
    return BilingualDocument(src_lang, tgt_lang, units, first.get("original", ""))


# --- writing -------------------------------------------------------------------------------


def _document(doc: BilingualDocument) -> Iterator[str]:
    check_header(doc)
    yield XML_DECLARATION
    yield start_tag("xliff", [("xmlns", NS), ("version", VERSION)]) + "\n"
    file_attrs = [
        ("original", doc.original),
        ("source-language", doc.src_lang),
        ("target-language", doc.tgt_lang),
        ("datatype", "html"),
    ]
    yield " " + start_tag("file", file_attrs) + "\n  <body>\n"
    for unit in doc.units:
        check_languages(unit, doc)
        yield from _unit(unit)
    yield "  </body>\n </file>\n</xliff>\n"


def _unit(unit: BilingualUnit) -> Iterator[str]:
    what = f"unit {unit.id!r}"
    attrs = [("id", require_xml_text(unit.id, f"the id of {what}")), ("xml:space", "preserve")]
    yield "   " + start_tag("trans-unit", attrs) + "\n"
    source = split_inline(unit.source)
    target = split_inline(unit.target, like=source)
    yield f"    <source>{_content(source, what)}</source>\n"
    format_state = STATES.format_state(unit.state) if unit.state else ""
    if unit.target or format_state:
        state_attrs = [("state", format_state)] if format_state else []
        yield f"    {start_tag('target', state_attrs)}{_content(target, what)}</target>\n"
    if unit.note:
        yield "    " + text_element("note", require_xml_text(unit.note, f"the note of {what}"))
        yield "\n"
    groups = []
    if unit.context:
        groups.append((LOCATION_GROUP, "location", [(f"x-{k}", v) for k, v in unit.context]))
    if unit.state:
        groups.append((STATE_GROUP, "information", [(STATE_CONTEXT, unit.state)]))
    for name, purpose, contexts in groups:
        yield "    " + start_tag("context-group", [("name", name), ("purpose", purpose)]) + "\n"
        for context_type, value in contexts:
            require_xml_text(context_type + value, f"the context of {what}")
            yield "     " + text_element("context", value, [("context-type", context_type)])
            yield "\n"
        yield "    </context-group>\n"
    yield "   </trans-unit>\n"


def _content(parts: Sequence[Part], what: str) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(escape_text(part))
        elif part.role == "char":
            attrs = [("id", part.id), ("ctype", CHAR_CTYPE)]
            out.append(f"{start_tag('ph', attrs)}{ord(part.raw):04X}</ph>")
        else:
            name = _CODE_ELEMENTS.get(part.role, "ph")
            attrs = [("id", part.id)]
            if part.role in ("open", "close"):
                attrs.append(("pos", part.role))
            markup = require_xml_text(part.raw, f"an inline tag of {what}")
            out.append(f"{start_tag(name, attrs)}{escape_text(markup)}</{name}>")
    return "".join(out)


# --- reading -------------------------------------------------------------------------------


def _read_unit(
    unit: Element, q: str, src_lang: str, tgt_lang: str, file_name: str
) -> BilingualUnit:
    unit_id = unit.get("id")
    if unit_id is None:
        raise InputError(f"{file_name}: a <trans-unit> has no id")
    where = f"{file_name} trans-unit {unit_id!r}"
    source = unit.find(f"{q}source")
    if source is None:
        raise InputError(f"{where}: no <source>")
    target = unit.find(f"{q}target")
    kept_state: str | None = None
    context: list[tuple[str, str]] = []
    for group in unit.findall(f"{q}context-group"):
        for item in group.findall(f"{q}context"):
            context_type, value = item.get("context-type", ""), item.text or ""
            if group.get("name") == STATE_GROUP and context_type == STATE_CONTEXT:
                kept_state = value
            elif group.get("name") != STATE_GROUP:
                key = context_type[2:] if context_type.startswith("x-") else context_type
                context.append((key, value))
    notes = [note.text or "" for note in unit.findall(f"{q}note")]
    return BilingualUnit(
        id=unit_id,
        source=_content_text(source, where),
        target=_content_text(target, where) if target is not None else "",
        src_lang=src_lang,
        tgt_lang=tgt_lang,
        state=STATES.review_state(kept_state, target.get("state") if target is not None else None),
        note="\n".join(notes),
        context=tuple(context),
    )


def _content_text(element: Element, where: str) -> str:
    """The exact text of a source or target, native-code elements giving back their markup."""
    parts = [element.text or ""]
    for child in element:
        kind = local_name(child.tag)
        if kind in ("bpt", "ept", "it", "ph"):
            parts.append(_native_code(child, where))
        elif kind not in ("x", "bx", "ex"):  # empty codes with no markup stand for nothing
            parts.append(_content_text(child, where))  # <g>, <mrk>: their content
        parts.append(child.tail or "")
    return "".join(parts)


def _native_code(code: Element, where: str) -> str:
    if code.get("ctype") == CHAR_CTYPE:
        try:
            return chr(int("".join(code.itertext()), 16))
        except (ValueError, OverflowError):
            raise InputError(f"{where}: bad {CHAR_CTYPE} code {code.text!r}") from None
    return "".join(code.itertext())
