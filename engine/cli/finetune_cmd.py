"""`polyshelf finetune`: continue a model on approved pairs; promote it only if better.

Pairs come from files (``--pairs``), from the review queue's approved items
(``--from-review``), or both. The held-back pairs are written beside the new model
(``heldout.tsv``) for ``polyshelf eval --from-review``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.errors import InputError
from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("finetune", help="fine-tune a model on approved pairs (polyshelf[train])")
    p.add_argument("--base", required=True, help="model name, name@version or directory")
    p.add_argument("--pairs", type=Path, nargs="+", default=[], help=".tsv, .xlsx or .tmx")
    p.add_argument(
        "--from-review",
        action="store_true",
        help="also train on the approved items of the project's review queue",
    )
    p.add_argument("--job", default=None, help="with --from-review: only this job's items")
    p.add_argument(
        "--locale", default=None, help="with --from-review: only this locale (de includes de-*)"
    )
    p.add_argument("--out", type=Path, required=True, help="new model dir, e.g. models/x-v2")
    p.add_argument(
        "--general",
        type=Path,
        nargs="*",
        default=[],
        help="general-domain pairs mixed in against forgetting",
    )
    p.add_argument("--heldout", type=float, default=0.1, help="share held back for evaluation")
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--no-promote", action="store_true", help="never make it the default")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.models.registry import ModelRegistry
    from polyshelf.store.review_pairs import HELDOUT_FILE, project_approved_pairs, write_pairs_tsv
    from polyshelf.training.corpus import filter_pairs
    from polyshelf.training.finetune import finetune, split_heldout
    from polyshelf.training.pairs_io import read_pairs

    if not args.pairs and not args.from_review:
        raise InputError("give --pairs FILE..., --from-review, or both")
    if (args.job or args.locale) and not args.from_review:
        raise InputError("--job and --locale select review items; add --from-review")
    registry = ModelRegistry(settings)
    entry = registry.find(args.base)
    src, tgt = entry.manifest.source, entry.manifest.targets[0]
    pairs = read_pairs(args.pairs, src, tgt) if args.pairs else []
    if args.from_review:
        reviewed = project_approved_pairs(
            settings.project_dir, src, tgt, job_key=args.job, locale=args.locale
        )
        print(f"{len(reviewed)} approved review items for {src}→{tgt}")
        pairs += reviewed
    general = read_pairs(args.general, src, tgt) if args.general else []
    outcome = finetune(
        registry,
        args.base,
        pairs,
        args.out,
        general=general,
        heldout_share=args.heldout,
        max_epochs=args.epochs,
        promote=not args.no_promote,
    )
    # finetune() splits deterministically; the same call gives the pairs it held back.
    _, heldout = split_heldout(filter_pairs(pairs)[0], args.heldout)
    write_pairs_tsv(outcome.path / HELDOUT_FILE, heldout)
    print(
        f"wrote {outcome.manifest.model_id} to {outcome.path}"
        f"{' (promoted)' if outcome.promoted else ' (not promoted)'}"
    )
    print(
        f"held-out BLEU: base {outcome.base.bleu.value:.2f} → new {outcome.tuned.bleu.value:.2f}"
        f" ({outcome.tuned.bleu.value - outcome.base.bleu.value:+.2f}) on {len(heldout)} pairs"
    )
    return 0
