"""`polyshelf review`: list, show, approve, reject, edit, suppress, export and import items.

``export`` writes a .csv/.tsv sheet, or XLIFF (.xlf, .xliff, .xlf2) for a CAT tool; ``import``
brings a translated XLIFF back.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polyshelf.errors import InputError
from polyshelf.settings import Settings

if TYPE_CHECKING:
    from polyshelf.store.review import ReviewItem, ReviewQueue

XLIFF_SUFFIXES = (".xlf", ".xliff", ".xlf2")
EXPORT_COLUMNS = (
    "id",
    "job",
    "unit",
    "locale",
    "state",
    "source",
    "target",
    "mt_target",
    "model",
    "score",
    "checks",
    "suppressed",
    "sentence_bleu",
    "sentence_chrf",
    "updated_by",
    "updated_at",
)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "unknown"


def add_parser(sub: Any) -> None:
    p = sub.add_parser("review", help="work through the review queue of the project store")
    actions = p.add_subparsers(dest="review_action", metavar="ACTION")
    actions.required = True

    ls = actions.add_parser("list", help="list review items")
    _filters(ls, state_default="needs_review")
    ls.add_argument("--limit", type=int, default=50, help="at most N items (0 = all)")
    ls.add_argument("--json", action="store_true", help="machine-readable output")

    show = actions.add_parser("show", help="one item with its checks and history")
    show.add_argument("id", type=int)
    show.add_argument("--json", action="store_true")

    approve = actions.add_parser("approve", help="approve items as they are")
    approve.add_argument("ids", type=int, nargs="+", metavar="ID")
    _who(approve, comment_required=False)

    reject = actions.add_parser("reject", help="reject items (a comment is required)")
    reject.add_argument("ids", type=int, nargs="+", metavar="ID")
    _who(reject, comment_required=True)

    edit = actions.add_parser("edit", help="replace the translation (approves it)")
    edit.add_argument("id", type=int)
    edit.add_argument("--text", required=True, help="the corrected translation")
    edit.add_argument("--keep-state", action="store_true", help="do not approve the item")
    _who(edit, comment_required=False)

    suppress = actions.add_parser("suppress", help="suppress one check on an item")
    suppress.add_argument("id", type=int)
    suppress.add_argument("rule", help="rule id of the check")
    suppress.add_argument("--reason", required=True)
    suppress.add_argument("--by", default=None, help="reviewer name (default: login name)")

    export = actions.add_parser(
        "export", help="write review items to a .csv/.tsv sheet or an XLIFF file (.xlf)"
    )
    export.add_argument("file", type=Path)
    _filters(export, state_default=None)
    export.add_argument(
        "--xliff-version", choices=["2.1", "1.2"], default="2.1", help="for .xlf (default 2.1)"
    )

    xliff_in = actions.add_parser("import", help="apply a translated XLIFF file to the queue")
    xliff_in.add_argument("file", type=Path)
    xliff_in.add_argument("--by", default=None, help="translator name (default: login name)")

    calibrate = actions.add_parser(
        "calibrate", help="pick the pair's min model score from reviewed items"
    )
    calibrate.add_argument("--from", dest="src", required=True, help="source language")
    calibrate.add_argument("--to", dest="tgt", required=True, help="target language")
    calibrate.add_argument(
        "--recall",
        type=float,
        default=0.9,
        help="share of bad segments that must go to review (default 0.9)",
    )
    calibrate.add_argument("--save", action="store_true", help="write it to routing.json")
    p.set_defaults(handler=run)


def _filters(p: argparse.ArgumentParser, state_default: str | None) -> None:
    p.add_argument(
        "--state",
        default=state_default,
        help=f"only this state (default: {state_default or 'all'}; 'all' for every)",
    )
    p.add_argument("--locale", default=None, help="only this target locale (de includes de-*)")
    p.add_argument("--job", default=None, help="only this job key")


def _who(p: argparse.ArgumentParser, comment_required: bool) -> None:
    p.add_argument("--by", default=None, help="reviewer name (default: login name)")
    p.add_argument("--comment", required=comment_required, default=None)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.store.db import open_store
    from polyshelf.store.review import ReviewQueue

    with open_store(settings.project_dir) as store:
        queue = ReviewQueue(store)
        handler = _HANDLERS[args.review_action]
        return handler(queue, args, settings)


def _list(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    state = None if args.state in (None, "all") else args.state
    limit = args.limit if args.limit and args.limit > 0 else None
    items = queue.list(state=state, locale=args.locale, job_key=args.job, limit=limit)
    if args.json:
        print(json.dumps([_item_dict(i) for i in items], ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("no review items" + (f" in state {state}" if state else ""))
        return 0
    for item in items:
        score = "    -" if item.score is None else f"{item.score:5.2f}"
        checks = ",".join(c.rule_id for c in item.active_checks)
        print(f"{item.id:>6}  {item.state:<15} {item.locale:<6} {score}  {item.unit_key}")
        print(
            f"        {_short(item.source)}  →  {_short(item.target)}"
            + (f"  [{checks}]" if checks else "")
        )
    return 0


def _show(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    item = queue.get(args.id)
    history = queue.history(args.id)
    if args.json:
        data = _item_dict(item)
        data["history"] = [asdict(h) for h in history]
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(
        f"#{item.id} {item.state}  {item.job_key}  {item.unit_key}  "
        f"{item.src_lang or '?'}→{item.locale}"
    )
    print(f"  source:    {item.source}")
    print(f"  target:    {item.target}")
    if item.mt_target != item.target:
        print(f"  MT:        {item.mt_target}")
    score = "-" if item.score is None else f"{item.score:.3f}"
    print(f"  model:     {item.model_id or '-'}  score {score}")
    if item.sentence_bleu is not None:
        print(
            f"  reference: BLEU {item.sentence_bleu:.1f}  chrF {item.sentence_chrf:.1f}"
            "  (shown only; not used for routing)"
        )
    for check in item.checks:
        reason = item.suppressed.get(check.rule_id)
        flag = f"  (suppressed: {reason})" if reason else ""
        print(f"  check:     {check.rule_id} {check.message}{flag}")
    for h in history:
        change = f"{h.old_state or '-'} → {h.new_state or '-'}"
        text = f"  “{_short(h.new_target)}”" if h.new_target != h.old_target else ""
        note = f"  # {h.comment}" if h.comment else ""
        print(f"  {h.at[:19]}  {h.who:<12} {h.action:<15} {change}{text}{note}")
    return 0


def _approve(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    who = args.by or default_user()
    with queue.store.transaction():  # all or none
        items = [queue.approve(item_id, who, comment=args.comment) for item_id in args.ids]
    print(f"approved: {', '.join(f'#{item.id}' for item in items)}")
    return 0


def _reject(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    who = args.by or default_user()
    with queue.store.transaction():  # all or none
        items = [queue.reject(item_id, who, args.comment) for item_id in args.ids]
    print(f"rejected: {', '.join(f'#{item.id}' for item in items)}")
    return 0


def _edit(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    item = queue.edit(
        args.id,
        args.by or default_user(),
        args.text,
        comment=args.comment,
        keep_state=args.keep_state,
    )
    print(f"#{item.id} edited ({item.state})")
    return 0


def _suppress(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    item = queue.suppress(args.id, args.rule, args.reason, args.by or default_user())
    print(f"#{item.id}: {args.rule} suppressed")
    return 0


def _export(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.catalog.cells import neutralize_formula
    from polyshelf.fileio import atomic_output

    suffix = args.file.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        return _export_xliff(queue, args)
    if suffix not in (".csv", ".tsv"):
        raise InputError(f"review export writes .csv, .tsv or .xlf, not {args.file.name}")
    state = None if args.state in (None, "all") else args.state
    items = queue.list(state=state, locale=args.locale, job_key=args.job)
    with atomic_output(args.file) as temp, temp.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f, delimiter="\t" if suffix == ".tsv" else ",")
        writer.writerow(EXPORT_COLUMNS)
        for item in items:
            row = _item_dict(item)
            values = [row[c] for c in EXPORT_COLUMNS]
            cells = ["" if v is None else str(v) for v in values]
            writer.writerow([neutralize_formula(c) or c for c in cells])
    print(f"{len(items)} review items written to {args.file}")
    return 0


def _export_xliff(queue: ReviewQueue, args: argparse.Namespace) -> int:
    from polyshelf.store.xliff_exchange import export_job

    states = None if args.state in (None, "all") else [args.state]
    locale = args.locale
    if locale is None:
        locales = sorted({item.locale for item in queue.list(job_key=args.job)})
        if len(locales) > 1:
            raise InputError(
                f"the queue holds several locales ({', '.join(locales)}); "
                "an XLIFF file takes one: add --locale"
            )
        if not locales:
            raise InputError("no review items to export")
        locale = locales[0]
    count = export_job(
        queue,
        args.file,
        job_key=args.job,
        locale=locale,
        states=states,
        version=args.xliff_version,
    )
    print(f"{count} review items written to {args.file} (XLIFF {args.xliff_version})")
    return 0


def _import(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.store.xliff_exchange import import_job

    if not args.file.is_file():
        raise InputError(f"file not found: {args.file}")
    result = import_job(queue, args.file, args.by or default_user())
    for problem in result.skipped:
        print(f"  skipped {problem.unit_id}: {problem.reason}")
    for problem in result.errors:
        print(f"  error   {problem.unit_id}: {problem.reason}")
    summary = (
        f"{result.updated} updated, {result.unchanged} unchanged, {len(result.skipped)} skipped"
    )
    print(summary + (f", {len(result.errors)} errors" if result.errors else ""))
    return 0


def _calibrate(queue: ReviewQueue, args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.store.routing import RoutingPolicy, calibrate_from_store

    threshold = calibrate_from_store(queue, args.src, args.tgt, target_recall=args.recall)
    print(f"min_score for {args.src}→{args.tgt} at recall {args.recall:.2f}: {threshold:.3f}")
    if args.save:
        policy = RoutingPolicy.load(settings.project_dir)
        path = policy.with_pair(args.src, args.tgt, min_score=threshold).save(settings.project_dir)
        print(f"saved to {path}")
    return 0


def _item_dict(item: ReviewItem) -> dict[str, Any]:
    return {
        "id": item.id,
        "job": item.job_key,
        "unit": item.unit_key,
        "locale": item.locale,
        "src_lang": item.src_lang,
        "state": item.state,
        "source": item.source,
        "target": item.target,
        "mt_target": item.mt_target,
        "model": item.model_id,
        "score": item.score,
        "checks": ";".join(c.rule_id for c in item.checks),
        "suppressed": ";".join(f"{k}: {v}" for k, v in item.suppressed.items()),
        "sentence_bleu": item.sentence_bleu,
        "sentence_chrf": item.sentence_chrf,
        "updated_by": item.updated_by,
        "updated_at": item.updated_at,
    }


def _short(text: str | None, width: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


_HANDLERS = {
    "list": _list,
    "show": _show,
    "approve": _approve,
    "reject": _reject,
    "edit": _edit,
    "suppress": _suppress,
    "export": _export,
    "import": _import,
    "calibrate": _calibrate,
}
