"""TermView: the glossary resolved for one source language and target locale, as used in MT.

Matching rules: a term matches at word boundaries, where a hyphen counts as part of a word (so
"shirt" does not match inside "T-shirt"); spaces in a term match any run of whitespace; matching
ignores case unless the term is case-sensitive. Overlapping matches are resolved longest first,
then case-sensitive before case-insensitive, then leftmost. Plural or inflected forms of a
source term do not match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from polyshelf.terms.model import Term

DNT = "dnt"
TERM = "term"
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class _CompiledTerm:
    term: Term
    pattern: re.Pattern[str]


def term_pattern(source: str, case_sensitive: bool) -> re.Pattern[str]:
    body = r"\s+".join(re.escape(word) for word in source.split())
    before = r"(?<![\w-])" if re.match(r"\w", source) else ""
    after = r"(?![\w-])" if re.search(r"\w$", source) else ""
    return re.compile(before + body + after, 0 if case_sensitive else re.IGNORECASE)


class _TermMatcher:
    """Candidates are looked up by the first word of the text, so the cost grows with the
    words of a segment rather than with the size of the glossary."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self._by_first_word: dict[str, list[_CompiledTerm]] = {}
        self._unindexed: list[_CompiledTerm] = []
        for term in terms:
            compiled = _CompiledTerm(term, term_pattern(term.source, term.case_sensitive))
            first = _WORD_RE.match(term.source)
            if first:
                self._by_first_word.setdefault(first.group().casefold(), []).append(compiled)
            else:
                self._unindexed.append(compiled)

    def matches(self, text: str) -> list[tuple[int, int, Term]]:
        found: list[tuple[int, int, Term]] = []
        for word in _WORD_RE.finditer(text):
            for compiled in self._by_first_word.get(word.group().casefold(), ()):
                match = compiled.pattern.match(text, word.start())
                if match:
                    found.append((match.start(), match.end(), compiled.term))
        for compiled in self._unindexed:
            for match in compiled.pattern.finditer(text):
                found.append((match.start(), match.end(), compiled.term))
        found.sort(key=lambda m: (m[0] - m[1], not m[2].case_sensitive, m[0]))
        taken = bytearray(len(text))
        accepted: list[tuple[int, int, Term]] = []
        for start, end, term in found:
            if end > start and not any(taken[start:end]):
                taken[start:end] = b"\x01" * (end - start)
                accepted.append((start, end, term))
        return sorted(accepted, key=lambda m: m[0])

    def lookup(self, matched: str, dnt: bool) -> Term | None:
        first = _WORD_RE.match(matched)
        candidates = self._by_first_word.get(first.group().casefold(), []) if first else []
        fitting = [
            c.term
            for c in [*candidates, *self._unindexed]
            if c.term.dnt == dnt and c.pattern.fullmatch(matched)
        ]
        fitting.sort(key=lambda term: not term.case_sensitive)
        return fitting[0] if fitting else None


@dataclass(frozen=True)
class TermView:
    """Terms that apply to one locale, at most one per source term (overrides resolved)."""

    locale: str
    terms: tuple[Term, ...] = ()
    _matcher: _TermMatcher = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_matcher", _TermMatcher(self.terms))

    @property
    def dnt_terms(self) -> tuple[str, ...]:
        return tuple(term.source for term in self.terms if term.dnt)

    def find_terms(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping ``(start, end, kind)`` in text order; kind is "dnt" or "term"."""
        return [
            (start, end, DNT if term.dnt else TERM)
            for start, end, term in self._matcher.matches(text)
        ]

    def term_for(self, matched: str, kind: str) -> Term:
        """The term that a span found by :meth:`find_terms` stands for."""
        term = self._matcher.lookup(matched, dnt=kind == DNT)
        if term is None:
            raise ValueError(f"{matched!r} is no {kind} in the glossary for {self.locale}")
        return term

    def render(self, matched: str, kind: str) -> str:
        """Text for a protected span after MT: a DNT match verbatim, a term as its target.

        Casing of a term's target: a case-sensitive term's target is used as written; a match in
        capitals ("BOOKCASE") gives the target in capitals; a capitalised match of a lower-case
        source term ("Bookcase") capitalises a lower-case target ("Bibliothèque"); otherwise the
        target is used as written (German nouns keep their capital).
        """
        if kind == DNT:
            return matched
        term = self.term_for(matched, kind)
        target = term.target or term.source
        if term.case_sensitive:
            return target
        letters = [char for char in matched if char.isalpha()]
        if len(letters) > 1 and all(char.isupper() for char in letters):
            if not term.source.isupper():
                return target.upper()
            return target
        if matched[:1].isupper() and term.source[:1].islower() and target[:1].islower():
            return target[:1].upper() + target[1:]
        return target

    def keeps_capitals(self, word: str) -> bool:
        """False when the glossary translates this word in capitals (e.g. "TV" → "Fernseher"),
        so the segmenter must not protect it as a product name."""
        return self._matcher.lookup(word, dnt=False) is None
