"""TBX termbases: TBX-Basic / TBX v2 (``martif``, ``termEntry``, ``tig``/``ntig``) and TBX v3
(``tbx``, ``conceptEntry``, ``langSec``, ``termSec``), read with defusedxml, written as TBX-Basic.

Conventions (TBX has no standard do-not-translate field): an element of the entry with
``type="doNotTranslate"`` (or ``"DNT"``) and a yes-like or empty text marks the entry DNT; a
``termNote type="caseSensitive"`` marks a source term case-sensitive; the entry's ``note`` is
the term note. A ``langSet xml:lang="de-CH"`` is a market override, except that a language's
most likely region ("de-DE", "fr-FR", as CAT tools write every German or French term) means the
whole language unless the file also has language-only langSets ("de"). Deprecated or superseded
terms (``administrativeStatus``) are skipped; of several target terms the preferred one wins.
Entries without a term in the source language, or without a wanted target, are skipped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from babel.core import get_global
from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from polyshelf.errors import InputError
from polyshelf.terms.model import Term, language_of, make_term, normalize_locale

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_ROOTS = {"martif", "tbx"}
_ENTRIES = {"termEntry", "conceptEntry"}
_LANGUAGE_SECTIONS = {"langSet", "langSec"}
_TERM_CONTAINERS = {"tig", "ntig", "termSec"}
_DNT_TYPES = {"donottranslate", "dnt"}
_NO = {"0", "false", "no", "n"}
_RETIRED = ("deprecated", "superseded")


@dataclass(frozen=True)
class _TbxTerm:
    text: str
    status: str
    case_sensitive: bool


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class TbxTermbase:
    name = "TBX"
    suffixes = (".tbx",)

    def read(
        self,
        path: Path,
        src_lang: str | None,
        tgt_lang: str | None,
        default_src_lang: str | None,
    ) -> list[Term]:
        try:
            root = SafeET.parse(path).getroot()
        except ET.ParseError as exc:
            line, column = exc.position
            raise InputError(
                f"{path}: not well-formed XML at line {line}, column {column}"
            ) from exc
        except DefusedXmlException as exc:
            raise InputError(f"{path}: refused unsafe XML ({type(exc).__name__})") from exc
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
        if _local(root.tag) not in _ROOTS:
            raise InputError(f"{path}: not a TBX file (root element <{_local(root.tag)}>)")
        src = src_lang or root.get(XML_LANG) or default_src_lang
        if not src:
            raise InputError(f"{path}: no source language; set xml:lang on the root or pass --from")
        try:
            src = language_of(src)
            wanted = language_of(tgt_lang) if tgt_lang else None
        except ValueError as exc:
            raise InputError(f"{path}: {exc}") from exc
        locales = {
            e.get(XML_LANG) or "" for e in root.iter() if _local(e.tag) in _LANGUAGE_SECTIONS
        }
        terms: list[Term] = []
        entries = (e for e in root.iter() if _local(e.tag) in _ENTRIES)
        for number, entry in enumerate(entries, start=1):
            where = f"{path}: <{_local(entry.tag)}> {entry.get('id') or f'#{number}'}"
            try:
                terms.extend(_read_entry(entry, src, wanted, locales))
            except ValueError as exc:
                raise InputError(f"{where}: {exc}") from exc
        return terms

    def write(self, path: Path, terms: Sequence[Term]) -> None:
        src = terms[0].src_lang if terms else "en"
        root = ET.Element("martif", {"type": "TBX-Basic", XML_LANG: src})
        file_desc = ET.SubElement(ET.SubElement(root, "martifHeader"), "fileDesc")
        source_desc = ET.SubElement(file_desc, "sourceDesc")
        ET.SubElement(source_desc, "p").text = "Exported by Polyshelf"
        body = ET.SubElement(ET.SubElement(root, "text"), "body")
        for number, term in enumerate(terms, start=1):
            entry = ET.SubElement(body, "termEntry", {"id": f"polyshelf-{number}"})
            if term.dnt:
                ET.SubElement(entry, "descrip", {"type": "doNotTranslate"}).text = "yes"
            if term.note:
                ET.SubElement(entry, "note").text = term.note
            _write_lang_set(entry, term.src_lang, term.source, term.case_sensitive)
            target_locale = term.market or term.tgt_lang
            if target_locale:
                # A DNT target repeats the source so that its language survives a round trip.
                _write_lang_set(entry, target_locale, term.target or term.source, False)
        ET.indent(root)
        ET.ElementTree(root).write(path, encoding="UTF-8", xml_declaration=True)


def _write_lang_set(entry: ET.Element, lang: str, text: str, case_sensitive: bool) -> None:
    lang_set = ET.SubElement(entry, "langSet", {XML_LANG: lang})
    tig = ET.SubElement(lang_set, "tig")
    ET.SubElement(tig, "term").text = text
    if case_sensitive:
        ET.SubElement(tig, "termNote", {"type": "caseSensitive"}).text = "yes"


def _default_region_means_language(lang: str, locales: set[str]) -> str:
    """``"de-DE"`` → ``"de"`` unless the file also uses plain ``"de"``; see the module notes."""
    language, _, region = normalize_locale(lang).partition("-")
    if not region or language in locales:
        return lang
    likely = str(get_global("likely_subtags").get(language, ""))
    return language if likely.endswith(f"_{region}") else lang


def _read_entry(
    entry: ET.Element, src: str, wanted: str | None, locales: set[str]
) -> Iterator[Term]:
    dnt = _is_dnt(entry)
    note = " ".join(_text(child) for child in entry if _local(child.tag) == "note").strip()
    sources: list[_TbxTerm] = []
    targets: dict[str, list[_TbxTerm]] = {}
    for lang_set in entry:
        if _local(lang_set.tag) not in _LANGUAGE_SECTIONS:
            continue
        lang = lang_set.get(XML_LANG) or lang_set.get("lang")
        if not lang:
            raise ValueError(f"<{_local(lang_set.tag)}> without xml:lang")
        found = [t for t in _terms_of(lang_set) if not t.status.startswith(_RETIRED)]
        if language_of(lang) == src:
            sources.extend(found)
        elif wanted is None or language_of(lang) == wanted:
            targets.setdefault(_default_region_means_language(lang, locales), []).extend(found)
    if not sources:
        return
    if dnt and not targets:
        for source in sources:
            yield make_term(
                source.text,
                None,
                src,
                wanted,
                dnt=True,
                case_sensitive=source.case_sensitive,
                note=note,
            )
        return
    for lang, candidates in targets.items():
        if not candidates:
            continue
        preferred = next((t for t in candidates if t.status.startswith("preferred")), candidates[0])
        for source in sources:
            yield make_term(
                source.text,
                None if dnt else preferred.text,
                src,
                lang,
                dnt=dnt,
                case_sensitive=source.case_sensitive,
                note=note,
            )


def _terms_of(lang_set: ET.Element) -> Iterator[_TbxTerm]:
    for container in lang_set.iter():
        if _local(container.tag) not in _TERM_CONTAINERS:
            continue
        term = next((e for e in container.iter() if _local(e.tag) == "term"), None)
        if term is None or not _text(term):
            raise ValueError(f"<{_local(container.tag)}> without a <term>")
        status = ""
        case_sensitive = False
        for element in container.iter():
            kind = (element.get("type") or "").lower() if _local(element.tag) == "termNote" else ""
            if kind == "administrativestatus" or _local(element.tag) == "administrativeStatus":
                status = _text(element).lower()
            elif kind == "casesensitive":
                case_sensitive = _text(element).lower() not in _NO
        yield _TbxTerm(_text(term), status, case_sensitive)


def _is_dnt(entry: ET.Element) -> bool:
    for element in entry.iter():
        if (element.get("type") or "").lower() in _DNT_TYPES:
            return _text(element).lower() not in _NO
    return False
