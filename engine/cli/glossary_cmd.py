"""`polyshelf glossary add|list|import|export`: manage the project's termbases.

Project terms live in ``<project>/glossaries/<src>-<tgt>.csv`` (``<src>.csv`` for DNT terms
that apply to every target language); ``list`` and ``export`` show shipped and project terms
together, a project entry replacing a shipped one for the same source term and market.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.errors import ConfigError
from polyshelf.settings import Settings
from polyshelf.terms.glossary import Glossary, GlossaryEntry, merge_terms, project_glossary_dir
from polyshelf.terms.model import Term, language_of, make_term, normalize_locale
from polyshelf.terms.termbase import read_termbase, write_termbase

DEFAULT_SOURCE_LANGUAGE = "en"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("glossary", help="add, list, import or export glossary terms")
    gsub = p.add_subparsers(dest="glossary_command", metavar="ACTION")
    gsub.required = True

    add = gsub.add_parser("add", help="add or update a term in the project termbase")
    add.add_argument("source", help="source term, e.g. 'bookcase' or a brand name")
    add.add_argument("target", nargs="?", default=None, help="translation (not with --dnt)")
    _language_options(add, to_help="target language or locale (optional with --dnt)")
    add.add_argument("--market", default=None, help="override for one market only, e.g. de-CH")
    add.add_argument("--dnt", action="store_true", help="do not translate: keep verbatim")
    add.add_argument("--case-sensitive", action="store_true", help="match this case only")
    add.add_argument("--note", default="", help="note for translators and reviewers")
    add.set_defaults(handler=run_add)

    lst = gsub.add_parser("list", help="shipped and project terms, with their origin")
    _language_options(lst, to_help="only terms for this target language or locale")
    lst.add_argument("--market", default=None, help="only the terms that apply to this market")
    lst.set_defaults(handler=run_list)

    imp = gsub.add_parser("import", help="import a CSV or TBX termbase into the project")
    imp.add_argument("file", type=Path)
    _language_options(imp, to_help="target language (default: from the file)", src_default=None)
    imp.set_defaults(handler=run_import)

    exp = gsub.add_parser("export", help="export terms to CSV or TBX (by file suffix)")
    exp.add_argument("file", type=Path)
    _language_options(exp, to_help="only terms for this target language or locale")
    exp.set_defaults(handler=run_export)


def _language_options(
    parser: argparse.ArgumentParser, *, to_help: str, src_default: str | None = "en"
) -> None:
    parser.add_argument("--to", dest="tgt", default=None, help=to_help)
    parser.add_argument(
        "--from",
        dest="src",
        default=src_default,
        help=f"source language (default: {src_default or 'from the file, else en'})",
    )


def run_add(args: argparse.Namespace, settings: Settings) -> int:
    if not args.dnt and not args.target:
        raise ConfigError("give a TARGET for the term, or --dnt to keep it untranslated")
    if not args.dnt and not args.tgt:
        raise ConfigError("--to is required for a translated term")
    try:
        term = make_term(
            args.source,
            args.target,
            args.src,
            args.tgt,
            market=args.market,
            dnt=args.dnt,
            case_sensitive=args.case_sensitive,
            note=args.note,
        )
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
    path = _project_termbase(settings, term)
    existing = read_termbase(path, term.src_lang, term.tgt_lang) if path.exists() else []
    terms, added, _ = merge_terms(existing, [term])
    path.parent.mkdir(parents=True, exist_ok=True)
    write_termbase(path, terms)
    print(f"{'added' if added else 'updated'} {_describe(term)} in {path}")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    entries = _selected_entries(args, settings)
    if not entries:
        print("no glossary terms")
        return 0
    rows = [("SOURCE", "TARGET", "PAIR", "MARKET", "FLAGS", "ORIGIN", "NOTE")]
    for entry in entries:
        term = entry.term
        flags = ",".join(
            flag for flag, on in (("dnt", term.dnt), ("case", term.case_sensitive)) if on
        )
        rows.append(
            (
                term.source,
                term.target or term.source,
                f"{term.src_lang}→{term.tgt_lang or '*'}",
                term.market or "-",
                flags or "-",
                entry.origin,
                term.note,
            )
        )
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    terms = read_termbase(args.file, args.src, args.tgt, default_src_lang=DEFAULT_SOURCE_LANGUAGE)
    if args.tgt:
        language = _language(args.tgt)
        terms = [term for term in terms if term.tgt_lang in (None, language)]
    by_file: dict[Path, list[Term]] = {}
    for term in terms:
        by_file.setdefault(_project_termbase(settings, term), []).append(term)
    total_added = total_updated = 0
    for path, new in by_file.items():
        existing = read_termbase(path) if path.exists() else []
        merged, added, updated = merge_terms(existing, new)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_termbase(path, merged)
        total_added += added
        total_updated += updated
        print(f"{path}: {added} added, {updated} updated")
    print(
        f"imported {len(terms)} terms from {args.file}: "
        f"{total_added} added, {total_updated} updated"
    )
    return 0


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    terms = [entry.term for entry in _selected_entries(args, settings)]
    write_termbase(args.file, terms)
    print(f"exported {len(terms)} terms to {args.file}")
    return 0


def _selected_entries(args: argparse.Namespace, settings: Settings) -> list[GlossaryEntry]:
    """All terms for ``--from``; with ``--to`` those for that language; with a market (``--market``
    or ``--to de-CH``) the terms that apply there, overrides resolved."""
    src = _language(args.src or DEFAULT_SOURCE_LANGUAGE)
    glossary = Glossary.load(settings, src)
    target = _locale(args.tgt) if args.tgt else None
    market = _locale(args.market) if getattr(args, "market", None) else None
    if market and target and language_of(market) != language_of(target):
        raise ConfigError(f"--market {market} is not a market of --to {target}")
    locale = market or (target if target and "-" in target else None)
    if locale:
        entries = glossary.resolve(src, locale)
    elif target:
        entries = [e for e in glossary.entries if e.term.tgt_lang in (None, target)]
    else:
        entries = list(glossary.entries)
    return sorted(entries, key=_sort_key)


def _sort_key(entry: GlossaryEntry) -> tuple[str, str, str]:
    term = entry.term
    return (term.tgt_lang or "", term.source.casefold(), term.market or "")


def _project_termbase(settings: Settings, term: Term) -> Path:
    name = f"{term.src_lang}-{term.tgt_lang}" if term.tgt_lang else term.src_lang
    return project_glossary_dir(settings) / f"{name}.csv"


def _describe(term: Term) -> str:
    pair = f"{term.src_lang}→{term.market or term.tgt_lang or '*'}"
    if term.dnt:
        return f'do-not-translate "{term.source}" ({pair})'
    return f'"{term.source}" → "{term.target}" ({pair})'


def _language(code: str) -> str:
    return language_of(_locale(code))


def _locale(code: str) -> str:
    try:
        return normalize_locale(code)
    except ValueError as exc:
        raise ConfigError(str(exc)) from exc
