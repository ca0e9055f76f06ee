"""Glossary: the terms of the shipped ``glossaries/`` folder and the project's ``glossaries/``.

Entries are keyed by (source term, languages, market); a project entry replaces a shipped one
with the same key, and within one origin a later file or row replaces an earlier one.
:meth:`Glossary.view` then picks, per source term, the entry that fits a locale best.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from polyshelf.errors import ConfigError
from polyshelf.settings import Settings
from polyshelf.terms.model import Term, language_of, match_key, normalize_locale
from polyshelf.terms.termbase import read_termbase, termbase_suffixes
from polyshelf.terms.view import TermView

SHIPPED = "shipped"
PROJECT = "project"
_ORIGIN_RANK = {SHIPPED: 0, PROJECT: 1}


@dataclass(frozen=True)
class GlossaryEntry:
    term: Term
    origin: str
    path: Path | None = None


def shipped_glossary_dir() -> Path:
    return Path(str(files("polyshelf.glossaries")))


def project_glossary_dir(settings: Settings) -> Path:
    return settings.project_dir / "glossaries"


def termbase_files(directory: Path) -> list[Path]:
    """Termbase files directly in ``directory`` (not ``attributes/``), in name order."""
    if not directory.is_dir():
        return []
    suffixes = termbase_suffixes()
    return sorted(
        path
        for path in directory.iterdir()
        if path.is_file() and path.suffix.lower() in suffixes and not path.name.startswith(".")
    )


def _entry_key(term: Term) -> tuple[object, ...]:
    return (match_key(term), term.src_lang, term.tgt_lang, term.market)


class Glossary:
    def __init__(self, entries: Iterable[GlossaryEntry] = ()) -> None:
        merged: dict[tuple[object, ...], GlossaryEntry] = {}
        for entry in entries:
            merged[_entry_key(entry.term)] = entry
        self.entries: tuple[GlossaryEntry, ...] = tuple(merged.values())

    @classmethod
    def load(cls, settings: Settings, src_lang: str) -> Glossary:
        """Shipped termbases, then the project's (which win); only terms from ``src_lang``."""
        source = _language(src_lang)
        entries: list[GlossaryEntry] = []
        for origin, directory in (
            (SHIPPED, shipped_glossary_dir()),
            (PROJECT, project_glossary_dir(settings)),
        ):
            for path in termbase_files(directory):
                entries.extend(
                    GlossaryEntry(term, origin, path)
                    for term in read_termbase(path)
                    if term.src_lang == source
                )
        return cls(entries)

    @classmethod
    def from_terms(cls, terms: Iterable[Term], origin: str = PROJECT) -> Glossary:
        return cls(GlossaryEntry(term, origin) for term in terms)

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(entry.term for entry in self.entries)

    def resolve(self, src_lang: str, locale: str) -> list[GlossaryEntry]:
        """Per source term the entry that applies to ``locale``: its market's override over a
        language-wide entry, then project over shipped, then a language-specific entry over one
        for every language. Entries for other markets ("de-AT" when asked for "de-CH") are out.
        """
        source = _language(src_lang)
        target_locale = _locale(locale)
        target = language_of(target_locale)
        best: dict[tuple[bool, str], tuple[tuple[int, ...], GlossaryEntry]] = {}
        for index, entry in enumerate(self.entries):
            term = entry.term
            if term.src_lang != source or term.tgt_lang not in (None, target):
                continue
            if term.market is None or term.market == target:
                market_rank = 0
            elif term.market == target_locale:
                market_rank = 1
            else:
                continue
            rank = (
                market_rank,
                _ORIGIN_RANK.get(entry.origin, 0),
                term.tgt_lang is not None,
                index,
            )
            key = match_key(term)
            if key not in best or rank > best[key][0]:
                best[key] = (rank, entry)
        return [entry for _, entry in best.values()]

    def view(self, src_lang: str, locale: str) -> TermView:
        terms = tuple(entry.term for entry in self.resolve(src_lang, locale))
        return TermView(_locale(locale), terms)


def _language(code: str) -> str:
    try:
        return language_of(code)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def _locale(code: str) -> str:
    try:
        return normalize_locale(code)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc


def merge_terms(existing: Iterable[Term], new: Iterable[Term]) -> tuple[list[Term], int, int]:
    """``existing`` with ``new`` added, or replacing the entry for the same source term,
    languages and market in place; returns (terms, number added, number updated)."""
    merged: dict[tuple[object, ...], Term] = {_entry_key(term): term for term in existing}
    added = updated = 0
    for term in new:
        key = _entry_key(term)
        if key in merged:
            updated += merged[key] != term
        else:
            added += 1
        merged[key] = term
    return list(merged.values()), added, updated
