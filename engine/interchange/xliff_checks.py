"""Checks both XLIFF writers make before writing: a document's header and its units' languages."""

from __future__ import annotations

from polyshelf.errors import InputError
from polyshelf.interchange.units import BilingualDocument, BilingualUnit
from polyshelf.interchange.xml_out import require_xml_text


def check_header(doc: BilingualDocument) -> None:
    """InputError unless the languages and ``original`` of ``doc`` can go into an XLIFF file."""
    require_xml_text(doc.src_lang + doc.tgt_lang + doc.original, "the document's header")
    if not doc.src_lang or not doc.tgt_lang:
        raise InputError("an XLIFF file needs a source and a target language")


def check_languages(unit: BilingualUnit, doc: BilingualDocument) -> None:
    """InputError unless ``unit`` has the language pair of the document it is written in."""
    if (unit.src_lang, unit.tgt_lang) != (doc.src_lang, doc.tgt_lang):
        raise InputError(
            f"unit {unit.id!r} is {unit.src_lang}→{unit.tgt_lang} but the document is "
            f"{doc.src_lang}→{doc.tgt_lang}"
        )
