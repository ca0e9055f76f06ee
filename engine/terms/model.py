"""Glossary terms: one frozen record per source term, target language and market."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LOCALE_RE = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?$")


@dataclass(frozen=True)
class Term:
    """A termbase entry.

    ``dnt`` terms (brand and product names) come back verbatim and have ``target`` None.
    ``tgt_lang`` None applies a DNT term to every target language. ``market`` ("de-CH") makes
    the entry an override for that market only; None applies it to every market of the language.
    """

    source: str
    target: str | None
    src_lang: str
    tgt_lang: str | None
    market: str | None = None
    dnt: bool = False
    case_sensitive: bool = False
    note: str = ""


def normalize_locale(code: str) -> str:
    """``"de_ch"`` → ``"de-CH"``, ``"EN"`` → ``"en"``; ValueError for anything else."""
    match = _LOCALE_RE.match(code.strip())
    if not match:
        raise ValueError(f"not a language or locale code: {code!r}")
    language, region = match.groups()
    return f"{language.lower()}-{region.upper()}" if region else language.lower()


def language_of(locale: str) -> str:
    return normalize_locale(locale).split("-")[0]


def make_term(
    source: str,
    target: str | None,
    src_lang: str,
    tgt_lang: str | None,
    *,
    market: str | None = None,
    dnt: bool = False,
    case_sensitive: bool = False,
    note: str = "",
) -> Term:
    """Validate and normalise one entry; ValueError (a short reason) when it cannot be a term.

    A target language with a region ("de-CH") becomes tgt_lang "de" with market "de-CH"; a DNT
    target equal to the source is dropped (DNT terms carry no target).
    """
    source = " ".join(source.split())
    target = " ".join(target.split()) if target else None
    if not source:
        raise ValueError("empty source term")
    src = language_of(src_lang)
    tgt: str | None = None
    if tgt_lang:
        tgt_locale = normalize_locale(tgt_lang)
        tgt = language_of(tgt_locale)
        if "-" in tgt_locale and not market:
            market = tgt_locale
    if market:
        market = normalize_locale(market)
        if tgt is None:
            tgt = language_of(market)
        elif language_of(market) != tgt:
            raise ValueError(f"market {market} is not a {tgt} market")
    if dnt:
        if target is not None and target != source:
            raise ValueError(f"do-not-translate term {source!r} has a different target {target!r}")
        target = None
    elif target is None:
        raise ValueError(f"term {source!r} has no target")
    elif tgt is None:
        raise ValueError(f"term {source!r} has no target language")
    return Term(source, target, src, tgt, market, dnt, case_sensitive, note.strip())


def match_key(term: Term) -> tuple[bool, str]:
    """Terms with the same key compete for the same source text (override resolution)."""
    return (term.case_sensitive, term.source if term.case_sensitive else term.source.casefold())


_FILE_NAME_RE = re.compile(r"^([A-Za-z]{2})(?:[-_]([A-Za-z]{2}(?:[-_][A-Za-z]{2})?))?$")


def languages_from_file_name(stem: str) -> tuple[str | None, str | None]:
    """``"en-de"`` → ("en", "de"), ``"en-de-CH"`` → ("en", "de-CH"), ``"en"`` → ("en", None).

    Only two-letter codes are trusted, so that names like ``brands`` or ``all`` are no pair.
    """
    match = _FILE_NAME_RE.match(stem)
    if not match:
        return None, None
    source, target = match.groups()
    return normalize_locale(source), normalize_locale(target) if target else None
