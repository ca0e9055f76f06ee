"""`polyshelf tm`: import and export the project's translation memory (TMX 1.4b, CSV); stats.

CSV/TSV files (polyshelf.interchange.tm_csv) have a header row with ``source`` and ``target``
columns (``src_lang``, ``tgt_lang``, ``note`` optional). Exported cells that a spreadsheet would
read as a formula are prefixed with ``'``; import removes that prefix again, so a round trip
keeps the text.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.errors import InputError
from polyshelf.settings import Settings

_SUFFIXES = (".tmx", ".csv", ".tsv")


def add_parser(sub: Any) -> None:
    p = sub.add_parser("tm", help="import, export and count translation memory entries")
    actions = p.add_subparsers(dest="tm_action", metavar="ACTION")
    actions.required = True

    imp = actions.add_parser("import", help="add a .tmx or .csv file to the project TM")
    imp.add_argument("file", type=Path)
    _langs(imp)
    imp.add_argument(
        "--origin",
        choices=["import", "approved", "mt"],
        default="import",
        help="how far to trust the entries (approved > import > mt)",
    )

    exp = actions.add_parser("export", help="write the project TM as .tmx or .csv")
    exp.add_argument("file", type=Path)
    _langs(exp)
    exp.add_argument(
        "--approved-only", action="store_true", help="only entries a reviewer approved"
    )

    actions.add_parser("stats", help="entries per language pair and origin; review states")

    look = actions.add_parser("lookup", help="exact and fuzzy matches for a text")
    look.add_argument("text")
    _langs(look)
    look.add_argument("--min-score", type=float, default=75.0, help="fuzzy threshold (0-100)")
    look.add_argument("--limit", type=int, default=5)
    p.set_defaults(handler=run)


def _langs(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="src", required=True, help="source language, e.g. en")
    p.add_argument("--to", dest="tgt", required=True, help="target language, e.g. de or de-DE")


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.store.db import open_store
    from polyshelf.store.tm import TranslationMemory

    if args.tm_action in ("import", "export"):
        suffix = args.file.suffix.lower()
        if suffix not in _SUFFIXES:
            raise InputError(
                f"tm {args.tm_action} handles .tmx, .csv or .tsv, not {args.file.name}"
            )
    with open_store(settings.project_dir) as store:
        tm = TranslationMemory(store)
        if args.tm_action == "import":
            return _import(tm, args)
        if args.tm_action == "export":
            return _export(tm, args)
        if args.tm_action == "lookup":
            return _lookup(tm, args)
        return _stats(tm, store)


def _lookup(tm: Any, args: argparse.Namespace) -> int:
    exact = tm.exact(args.text, args.src, args.tgt)
    matches = [exact] if exact else []
    matches += [
        m
        for m in tm.fuzzy(args.text, args.src, args.tgt, min_score=args.min_score, limit=args.limit)
        if exact is None or m.entry.id != exact.entry.id
    ]
    if not matches:
        print("no match")
        return 0
    for match in matches[: args.limit]:
        entry = match.entry
        print(f"{match.score:5.1f}%  [{entry.origin}, {entry.tgt_lang}]  {entry.source}")
        print(f"        → {entry.target}")
    return 0


def _import(tm: Any, args: argparse.Namespace) -> int:
    from polyshelf.cli.review_cmd import default_user

    path: Path = args.file
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    if path.suffix.lower() == ".tmx":
        from polyshelf.tmx import iter_tmx

        units: Any = iter_tmx(path, args.src, args.tgt)
    else:
        from polyshelf.interchange.tm_csv import read_tm_csv

        units = read_tm_csv(path, args.src, args.tgt)
    count = tm.import_units(units, args.src, args.tgt, origin=args.origin, who=default_user())
    print(f"{count} entries imported from {path.name} ({args.src}→{args.tgt}, {args.origin})")
    return 0


def _export(tm: Any, args: argparse.Namespace) -> int:
    from polyshelf.interchange.tm_csv import write_tm_csv
    from polyshelf.interchange.tmx_write import write_tmx
    from polyshelf.interchange.units import BilingualUnit

    origins = ("approved",) if args.approved_only else None
    entries = list(tm.entries(args.src, args.tgt, origins=origins))
    units = [
        BilingualUnit(
            str(e.id),
            e.source,
            e.target,
            e.src_lang,
            e.tgt_lang,
            state="approved" if e.origin == "approved" else "",
            note=f"origin: {e.origin}",
        )
        for e in entries
    ]
    path: Path = args.file
    if path.suffix.lower() == ".tmx":
        write_tmx(path, units, args.src, args.tgt)
    else:
        write_tm_csv(path, units)
    print(f"{len(entries)} entries written to {path}")
    return 0


def _stats(tm: Any, store: Any) -> int:
    from polyshelf.store.review import ReviewQueue

    rows = tm.stats()
    if not rows:
        print("translation memory: empty")
    for src, tgt, origin, count in rows:
        print(f"tm  {src}→{tgt}  {origin:<9} {count}")
    for state, count in sorted(ReviewQueue(store).counts_by_state().items()):
        print(f"review  {state:<16} {count}")
    return 0
