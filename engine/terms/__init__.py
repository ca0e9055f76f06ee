"""Terminology: glossaries (termbases), do-not-translate terms and attribute value dictionaries.

Pieces for the translation job: :class:`Glossary` loads shipped and project termbases,
:meth:`Glossary.view` gives the :class:`TermView` for one locale (spans to protect before MT,
their rendering after it), :func:`check_terms` reports what is still violated, and
:class:`AttributeDictionaries` translates short attribute values without MT.
"""

from __future__ import annotations

from polyshelf.terms.attributes import ATTRIBUTE_MISSING_RULE, AttributeDictionaries
from polyshelf.terms.check import (
    DNT_CAPITALS_RULE,
    GLOSSARY_DNT_RULE,
    GLOSSARY_TERM_RULE,
    check_terms,
)
from polyshelf.terms.glossary import Glossary, GlossaryEntry
from polyshelf.terms.model import Term, make_term
from polyshelf.terms.termbase import read_termbase, write_termbase
from polyshelf.terms.view import TermView

__all__ = [
    "ATTRIBUTE_MISSING_RULE",
    "DNT_CAPITALS_RULE",
    "GLOSSARY_DNT_RULE",
    "GLOSSARY_TERM_RULE",
    "AttributeDictionaries",
    "Glossary",
    "GlossaryEntry",
    "Term",
    "TermView",
    "check_terms",
    "make_term",
    "read_termbase",
    "write_termbase",
]
