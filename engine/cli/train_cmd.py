"""`polyshelf train`: train a new model from parallel data (needs the train extra)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.errors import ConfigError
from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("train", help="train a new Marian model (needs polyshelf[train])")
    p.add_argument("--src", required=True)
    p.add_argument("--tgt", required=True)
    p.add_argument(
        "--data",
        type=Path,
        nargs="+",
        required=True,
        help="X.SRC + X.TGT parallel files (gz ok), .tsv, .xlsx or .tmx",
    )
    p.add_argument("--dev", type=Path, nargs="+", required=True, help="dev files, same forms")
    p.add_argument("--out", type=Path, required=True, help="model directory, e.g. models/en-de-v1")
    p.add_argument("--size", default="small", choices=["tiny", "small", "base"])
    p.add_argument("--vocab-size", type=int, default=8000)
    p.add_argument("--epochs", type=int, default=60, help="maximum epochs (early stopping)")
    p.add_argument("--patience", type=int, default=8)
    p.add_argument("--max-tokens", type=int, default=2048, help="tokens per batch")
    p.add_argument("--lr", type=float, default=7e-4)
    p.add_argument("--detok", action="store_true", help="Moses-detokenize the data first")
    p.add_argument("--work", type=Path, default=None, help="checkpoint dir (resumes if present)")
    p.add_argument("--time-budget", type=float, default=None, help="seconds, then stop cleanly")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.training.augment import augment_pairs
    from polyshelf.training.corpus import detokenize, filter_pairs
    from polyshelf.training.finetune import name_and_version
    from polyshelf.training.pairs_io import read_pairs
    from polyshelf.training.recipe import export_result, train
    from polyshelf.training.trainer import TrainConfig

    if args.out.exists():
        raise ConfigError(f"{args.out} exists already; choose a new --out")
    pairs = read_pairs(args.data, args.src, args.tgt)
    dev = read_pairs(args.dev, args.src, args.tgt)
    if args.detok:
        pairs = list(
            zip(
                detokenize([p[0] for p in pairs], args.src),
                detokenize([p[1] for p in pairs], args.tgt),
                strict=True,
            )
        )
        dev = list(
            zip(
                detokenize([p[0] for p in dev], args.src),
                detokenize([p[1] for p in dev], args.tgt),
                strict=True,
            )
        )
    kept, stats = filter_pairs(pairs)
    print(f"training pairs: {stats.summary()}")
    name, version = name_and_version(args.out)
    work = args.work or settings.data_dir / "training" / f"{name}-v{version}"
    config = TrainConfig(
        src_lang=args.src,
        tgt_lang=args.tgt,
        work_dir=work,
        size=args.size,
        vocab_size=args.vocab_size,
        max_tokens=args.max_tokens,
        lr=args.lr,
        max_epochs=args.epochs,
        patience=args.patience,
        time_budget_s=args.time_budget,
    )
    result = train(config, augment_pairs(kept), dev)
    if not result.finished:
        print(f"stopped at the time budget; rerun the same command to resume from {work}")
        return 0
    card = {
        "data": [str(p) for p in args.data],
        "training_pairs": stats.kept,
        "filtered": stats.dropped,
        "dev": [str(p) for p in args.dev],
    }
    manifest = export_result(result, config, args.out, name=name, version=version, card=card)
    print(f"wrote {manifest.model_id} to {args.out} (best dev BLEU {result.best_bleu:.2f})")
    return 0
