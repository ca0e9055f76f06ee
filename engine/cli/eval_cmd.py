"""`polyshelf eval`: BLEU, chrF and TER (sacreBLEU) of a model on a test set.

With ``--from-review`` the test set is the approved review items the model's fine-tuning held
back (``heldout.tsv`` in its folder; else all approved items of the pair), and the model is
compared with its base model, gain included.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polyshelf.errors import InputError
from polyshelf.settings import Settings

if TYPE_CHECKING:
    from polyshelf.models.registry import ModelEntry
    from polyshelf.training.corpus import Pair
    from polyshelf.training.evaluate import EvalResult


def add_parser(sub: Any) -> None:
    p = sub.add_parser("eval", help="score a model on a test set with sacreBLEU")
    p.add_argument("--model", required=True, help="model name, name@version or directory")
    p.add_argument("--src", type=Path, default=None, help="source sentences, one per line")
    p.add_argument("--ref", type=Path, default=None, help="reference translations")
    p.add_argument(
        "--from-review",
        action="store_true",
        help="score on held-back approved review items and compare with the base model",
    )
    p.add_argument(
        "--base", default=None, help="with --from-review: base model (default: the card's)"
    )
    p.add_argument("--job", default=None, help="with --from-review: only this job's items")
    p.add_argument("--locale", default=None, help="with --from-review: only this locale")
    p.add_argument("--beam-size", type=int, default=4)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--hyp-out", type=Path, default=None, help="also write the translations")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.models.registry import ModelRegistry
    from polyshelf.training.corpus import read_parallel

    if args.from_review:
        if args.src or args.ref:
            raise InputError("--from-review picks its own test set; drop --src and --ref")
        return _run_from_review(args, settings)
    if args.src is None or args.ref is None:
        raise InputError("give --src and --ref, or --from-review")
    if args.base or args.job or args.locale:
        raise InputError("--base, --job and --locale go with --from-review")
    entry = ModelRegistry(settings).find(args.model)
    pairs = read_parallel(args.src, args.ref)
    result = _evaluate(entry, pairs, args, settings)
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


def _run_from_review(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.models.registry import ModelRegistry
    from polyshelf.store.review_pairs import HELDOUT_FILE, project_approved_pairs
    from polyshelf.training.pairs_io import read_pairs

    registry = ModelRegistry(settings)
    entry = registry.find(args.model)
    base_name = args.base or entry.manifest.card.get("base_model")
    if not base_name:
        raise InputError(f"{entry.model_id} names no base model; give --base")
    base = registry.find(str(base_name))
    src, tgt = entry.manifest.source, entry.manifest.targets[0]
    if base.manifest.source != src or tgt not in base.manifest.targets:
        raise InputError(
            f"base {base.model_id} translates {base.manifest.source}→"
            f"{','.join(base.manifest.targets)}, not {src}→{tgt}"
        )
    heldout = entry.path / HELDOUT_FILE
    if heldout.is_file() and not (args.job or args.locale):
        pairs = read_pairs([heldout], src, tgt)
        test_set = f"{len(pairs)} held-back pairs ({HELDOUT_FILE} of {entry.model_id})"
    else:
        pairs = project_approved_pairs(
            settings.project_dir, src, tgt, job_key=args.job, locale=args.locale
        )
        test_set = f"{len(pairs)} approved review items (the model may have trained on them)"
    results = {"base": _evaluate(base, pairs, args, settings, keep_hypotheses=False)}
    results["new"] = _evaluate(entry, pairs, args, settings)
    gain = {
        metric: round(results["new"].as_dict()[metric] - results["base"].as_dict()[metric], 2)
        for metric in ("bleu", "chrf", "ter")
    }
    if args.json:
        data = {
            "model": entry.model_id,
            "base": base.model_id,
            "test_set": test_set,
            "beam_size": args.beam_size,
            "scores": {name: result.as_dict() for name, result in results.items()},
            "gain": gain,
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{entry.model_id} vs base {base.model_id} on {test_set}, beam {args.beam_size}")
    for metric in ("bleu", "chrf", "ter"):
        old, new = (getattr(results[name], metric) for name in ("base", "new"))
        better = " (lower is better)" if metric == "ter" else ""
        print(
            f"  {metric.upper():<5} base {old.value:6.2f}  new {new.value:6.2f}  "
            f"gain {gain[metric]:+6.2f}{better}   {new.signature}"
        )
    return 0


def _evaluate(
    model: ModelEntry,
    pairs: Sequence[Pair],
    args: argparse.Namespace,
    settings: Settings,
    *,
    keep_hypotheses: bool = True,
) -> EvalResult:
    """Score ``model`` on ``pairs``; its translations go to ``--hyp-out`` if asked for."""
    from polyshelf.training.evaluate import evaluate_model_dir

    result = evaluate_model_dir(
        model.path,
        model.manifest,
        pairs,
        beam_size=args.beam_size,
        compute_type=settings.compute_type,
        device=settings.device,
    )
    if keep_hypotheses and args.hyp_out:
        args.hyp_out.write_text("\n".join(result.hypotheses) + "\n", encoding="utf-8")
    return result
