"""`polyshelf eval`: BLEU, chrF and TER (sacreBLEU) of a model on a test set."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("eval", help="score a model on a test set with sacreBLEU")
    p.add_argument("--model", required=True, help="model name, name@version or directory")
    p.add_argument("--src", type=Path, required=True, help="source sentences, one per line")
    p.add_argument("--ref", type=Path, required=True, help="reference translations")
    p.add_argument("--beam-size", type=int, default=4)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--hyp-out", type=Path, default=None, help="also write the translations")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.models.registry import ModelRegistry
    from polyshelf.training.corpus import read_parallel
    from polyshelf.training.evaluate import evaluate_model_dir

    entry = ModelRegistry(settings).find(args.model)
    pairs = read_parallel(args.src, args.ref)
    result = evaluate_model_dir(
        entry.path,
        entry.manifest,
        pairs,
        beam_size=args.beam_size,
        compute_type=settings.compute_type,
        device=settings.device,
    )
    if args.hyp_out:
        args.hyp_out.write_text("\n".join(result.hypotheses) + "\n", encoding="utf-8")
    data = {"model": entry.model_id, "beam_size": args.beam_size, **result.as_dict()}
    if args.json:
        print(json.dumps(data, indent=2))
        return 0
    print(f"{entry.model_id} on {args.src.name} ({result.n} sentences, beam {args.beam_size})")
    for score in (result.bleu, result.chrf, result.ter):
        print(f"  {score.metric.upper():<5} {score.value:6.2f}   {score.signature}")
    print(
        f"  BLEU tokenized lower-case (as papers report): {result.bleu_tok_lc.value:.2f}"
        f"   {result.bleu_tok_lc.signature}"
    )
    return 0
