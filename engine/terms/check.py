"""Glossary checks on a translated segment: what is still violated after enforcement during MT.

Issue spans point into the *source* text (the term that was not honoured); params carry
``term`` (the source text) and ``expected`` (what the translation should contain).

Inflection tolerance of ``glossary-term`` (deliberately minimal): comparison ignores case and
diacritics (so German umlaut plurals such as "Schrank" → "Schränke" pass), a target word of 5 or
more letters may carry any ending after its stem (the word less its last letter when longer than
5), shorter words must match whole, and in German the first word may close a compound
("Kissenbezug" inside "Samtkissenbezug").
"""

from __future__ import annotations

import re
import unicodedata

from polyshelf.issues import Issue, Severity
from polyshelf.segment.casing import is_all_caps
from polyshelf.segment.placeholders import is_capitals_word
from polyshelf.terms.model import language_of
from polyshelf.terms.view import DNT, TermView

GLOSSARY_DNT_RULE = "glossary-dnt"
GLOSSARY_TERM_RULE = "glossary-term"
DNT_CAPITALS_RULE = "dnt-capitals"

# Same notion of "word in capitals" as the segmenter, which protects them.
_CAPITALS_RE = re.compile(r"(?<![^\W_])[^\W\d_]{2,}(?![^\W_])")
_WORD_RE = re.compile(r"\w+")
_MIN_STEM = 5
_MIN_COMPOUND_HEAD = 4


def check_terms(source: str, target: str, view: TermView) -> list[Issue]:
    """Issues for DNT terms not kept verbatim, glossary targets missing, capitals words lost."""
    issues: list[Issue] = []
    reported: set[tuple[str, str]] = set()
    spans = view.find_terms(source)
    taken = bytearray(len(source))
    for start, end, kind in spans:
        taken[start:end] = b"\x01" * (end - start)
        matched = source[start:end]
        if kind == DNT:
            if not contains_verbatim(target, matched) and (DNT, matched) not in reported:
                reported.add((DNT, matched))
                issues.append(
                    Issue(
                        GLOSSARY_DNT_RULE,
                        Severity.ERROR,
                        f'do-not-translate term "{matched}" is not kept verbatim',
                        (start, end),
                        {"term": matched, "expected": matched},
                    )
                )
            continue
        expected = view.render(matched, kind)
        if not contains_term(target, expected, view.locale) and (kind, matched) not in reported:
            reported.add((kind, matched))
            issues.append(
                Issue(
                    GLOSSARY_TERM_RULE,
                    Severity.WARNING,
                    f'glossary term "{matched}" should be translated as "{expected}"',
                    (start, end),
                    {"term": matched, "expected": expected},
                )
            )
    if is_all_caps(source):
        return issues  # every word is in capitals, so none is a product name for that reason
    for match in _CAPITALS_RE.finditer(source):
        word = match.group()
        if (
            not is_capitals_word(word)
            or any(taken[match.start() : match.end()])
            or not view.keeps_capitals(word)
            or contains_verbatim(target, word)
            or ("capitals", word) in reported
        ):
            continue
        reported.add(("capitals", word))
        issues.append(
            Issue(
                DNT_CAPITALS_RULE,
                Severity.WARNING,
                f'"{word}" looks like a product name but is missing from the translation',
                match.span(),
                {"term": word, "expected": word},
            )
        )
    return issues


def contains_verbatim(text: str, phrase: str) -> bool:
    """``phrase`` exactly as written, not inside a longer word ("HEMNES-Regal" counts)."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    before = r"(?<!\w)" if re.match(r"\w", phrase) else ""
    after = r"(?!\w)" if re.search(r"\w$", phrase) else ""
    return re.search(before + body + after, text) is not None


def contains_term(text: str, expected: str, locale: str) -> bool:
    """Whether ``text`` contains the glossary target ``expected``, tolerating inflection."""
    words = _WORD_RE.findall(_fold(expected))
    if not words:
        return _fold(expected) in _fold(text)
    parts = []
    for word in words:
        if len(word) >= _MIN_STEM:
            stem = word[:-1] if len(word) > _MIN_STEM else word
            parts.append(re.escape(stem) + r"\w*")
        else:
            parts.append(re.escape(word) + r"(?!\w)")
    compound = language_of(locale) == "de" and len(words[0]) >= _MIN_COMPOUND_HEAD
    pattern = ("" if compound else r"(?<!\w)") + r"\W+".join(parts)
    return re.search(pattern, _fold(text)) is not None


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
