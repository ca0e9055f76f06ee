"""`polyshelf finetune`: continue a model on approved pairs; promote it only if better."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("finetune", help="fine-tune a model on approved pairs (polyshelf[train])")
    p.add_argument("--base", required=True, help="model name, name@version or directory")
    p.add_argument("--pairs", type=Path, nargs="+", required=True, help=".tsv, .xlsx or .tmx")
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
    from polyshelf.training.finetune import finetune
    from polyshelf.training.pairs_io import read_pairs

    registry = ModelRegistry(settings)
    entry = registry.find(args.base)
    src, tgt = entry.manifest.source, entry.manifest.targets[0]
    pairs = read_pairs(args.pairs, src, tgt)
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
    print(
        f"wrote {outcome.manifest.model_id} to {outcome.path}"
        f"{' (promoted)' if outcome.promoted else ' (not promoted)'}"
    )
    return 0
