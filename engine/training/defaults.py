"""`make models`: rebuild the shipped en→de / en→fr models from ../shared/corpora.

Stage `base`: Multi30K train (val for early stopping), from scratch, or with `--warm-start`
continued from the shipped model's weights. Stage `catalog`: gentle fine-tuning on IKEA product
sentences (detokenized, split with pysbd, Gale-Church length-aligned with anchors, filtered,
deduplicated, care lines capped: see catalog_data.py), mixed with Multi30K against forgetting,
IKEA val and Multi30K val together for early stopping. Stage `blend` averages the catalog
model's weights with its base's, the share chosen on the same dev data (blend.py). `ship`
exports the result into the package only if it beats the shipped model. Every stage resumes
from its checkpoints in the work directory (outside the repository, $POLYSHELF_RECIPE_WORK).

    python -m polyshelf.training.defaults --pair en-de --stage base [--time-budget 3600]
    python -m polyshelf.training.defaults --pair en-de --stage base --warm-start
    python -m polyshelf.training.defaults --pair en-de --status   # how far, how long

`POLYSHELF_RECIPE_SMOKE=N` checks the plumbing in about a minute before hours are spent: every
corpus split cut to N pairs, a tiny model, one epoch per stage, and `ship` writing to
`$POLYSHELF_SHIP_DIR` (default: the package's shipped_models) — `make models-check` does that
in a temporary directory.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any, TypeVar

from polyshelf.training.corpus import Pair, detokenize, read_lines, read_parallel
from polyshelf.training.trainer import TrainConfig

T = TypeVar("T")
REPO = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("POLYSHELF_CORPORA", REPO.parent / "shared" / "corpora"))
WORK = Path(
    os.environ.get("POLYSHELF_RECIPE_WORK", Path.home() / ".cache" / "polyshelf" / "recipe")
)
SHIPPED = Path(os.environ.get("POLYSHELF_SHIP_DIR", REPO / "engine" / "shipped_models"))
SMOKE_PAIRS = int(os.environ.get("POLYSHELF_RECIPE_SMOKE", "0"))  # > 0: plumbing check only
MODEL_SIZE = "tiny" if SMOKE_PAIRS else "small"


def _cut(items: list[T]) -> list[T]:
    return items[:SMOKE_PAIRS] if SMOKE_PAIRS else items


def _stage_config(
    src: str, tgt: str, stage: str, budget: float | None, **settings: Any
) -> TrainConfig:
    """A recipe stage's config (its work dir under WORK), shrunk to a tiny one-epoch model for a
    plumbing check."""
    config = TrainConfig(
        src_lang=src,
        tgt_lang=tgt,
        work_dir=WORK / f"{src}-{tgt}" / stage,
        size="small",
        max_tokens=2048,
        time_budget_s=budget,
        **settings,
    )
    if SMOKE_PAIRS:
        config.size, config.vocab_size, config.max_epochs = MODEL_SIZE, 600, 1
    return config


def multi30k(split: str, src: str, tgt: str) -> list[Pair]:
    root = CORPORA / "multi30k"
    return _cut(read_parallel(root / f"{split}.{src}.gz", root / f"{split}.{tgt}.gz"))


def ikea_lines(split: str, src: str, tgt: str) -> tuple[list[str], list[str]]:
    root = CORPORA / "ikea" / f"{src}-{tgt}"
    src_lines = detokenize(_cut(read_lines(root / f"{split}.{src}.gz")), src)
    tgt_lines = detokenize(_cut(read_lines(root / f"{split}.{tgt}.gz")), tgt)
    return src_lines, tgt_lines


def base_config(src: str, tgt: str, budget: float | None) -> TrainConfig:
    return _stage_config(
        src,
        tgt,
        "base",
        budget,
        vocab_size=8000,
        lr=7e-4,
        warmup_steps=1000,
        max_epochs=60,
        patience=8,
    )


def warm_start_dir(src: str, tgt: str, model_dir: Path) -> Path:
    """A trainable HF dir restored from a shipped model's fine-tuning weights (cached)."""
    from polyshelf.models.manifest import read_manifest
    from polyshelf.training.restore import restore_hf_dir

    out = WORK / f"{src}-{tgt}" / "warm_start_hf"
    if not (out / "config.json").is_file():
        restore_hf_dir(model_dir, read_manifest(model_dir), out)
    return out


WARM_START_NAME = "warm_start.json"


def _record_warm_start(work_dir: Path, model_dir: Path) -> None:
    """Lineage for the card: which model the base stage continued from, with its card."""
    import json

    from polyshelf.models.manifest import read_manifest

    path = work_dir / WARM_START_NAME
    if path.is_file():
        return
    manifest = read_manifest(model_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    record = {
        "model": manifest.model_id,
        "stages": manifest.card.get("stages"),
        "bleu_multi30k_test2016": manifest.card.get("bleu_multi30k_test2016"),
    }
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")


def warm_base_config(src: str, tgt: str, budget: float | None, init: Path) -> TrainConfig:
    """Continue Multi30K training from an earlier model: short warm-up, lower peak rate."""
    return _stage_config(
        src,
        tgt,
        "base",
        budget,
        init_from=init,
        lr=4e-4,
        warmup_steps=200,
        max_epochs=20,
        patience=3,
    )


def run_base(src: str, tgt: str, budget: float | None, warm_from: Path | None = None) -> None:
    from polyshelf.training.augment import augment_pairs
    from polyshelf.training.recipe import train

    train_pairs = augment_pairs(multi30k("train", src, tgt), rate=0.5)
    dev_pairs = multi30k("val", src, tgt)
    if warm_from is not None:
        config = warm_base_config(src, tgt, budget, warm_start_dir(src, tgt, warm_from))
        _record_warm_start(config.work_dir, warm_from)
        result = train(config, train_pairs, dev_pairs)
    else:
        ikea_src, ikea_tgt = ikea_lines("train", src, tgt)
        vocab_texts = [t for pair in train_pairs for t in pair] + ikea_src + ikea_tgt
        config = base_config(src, tgt, budget)
        result = train(config, train_pairs, dev_pairs, vocab_texts=vocab_texts)
    print(f"base {src}-{tgt}: best dev BLEU {result.best_bleu:.2f}, finished={result.finished}")


def _scratch_backend(
    hf_dir: Path, scratch: Path, src: str, tgt: str, quantization: str = "int8", threads: int = 0
):
    """A CTranslate2 backend over an HF checkpoint, exported to a scratch directory."""
    import shutil

    from polyshelf.models.export import convert_to_ct2
    from polyshelf.models.manifest import ModelManifest
    from polyshelf.mt.ctranslate import CTranslate2Backend

    convert_to_ct2(hf_dir, scratch, quantization)
    for name in ("source.spm", "target.spm"):
        shutil.copy(hf_dir / name, scratch / name)
    manifest = ModelManifest(name=f"{src}-{tgt}-scratch", version="0", source=src, targets=(tgt,))
    compute = "int8" if quantization == "int8" else "float32"
    return CTranslate2Backend(
        manifest, scratch, device="cpu", compute_type=compute, threads=threads
    )


def catalog_pairs(split: str, src: str, tgt: str) -> list[Pair]:
    """IKEA sentence pairs, length-aligned with anchors and deduplicated (cached as TSV).

    Needs no model. Val is aligned with the train split's lexicon and length ratio, deduplicated
    like train but without the care-line cap, and is the same for every model scored on it.
    """
    from polyshelf.training.catalog_data import prepare_catalog_pairs

    # Bump the version when the preparation changes, so caches of earlier runs are not reused.
    cache = {s: WORK / f"{src}-{tgt}" / f"ikea_{s}_sentences.v2.tsv" for s in ("train", "val")}
    if not cache[split].is_file():
        cache[split].parent.mkdir(parents=True, exist_ok=True)
        train_src, train_tgt = ikea_lines("train", src, tgt)
        train, stats, lexicon, ratio = prepare_catalog_pairs(train_src, train_tgt, src, tgt)
        print(f"IKEA train: {stats.summary()}")
        val_src, val_tgt = ikea_lines("val", src, tgt)
        val, vstats, _, _ = prepare_catalog_pairs(
            val_src, val_tgt, src, tgt, lexicon=lexicon, ratio=ratio, care_share=None
        )
        print(f"IKEA val: {vstats.summary()}")
        for name, pairs in (("train", train), ("val", val)):
            cache[name].write_text("".join(f"{a}\t{b}\n" for a, b in pairs), encoding="utf-8")
    return [tuple(line.split("\t", 1)) for line in read_lines(cache[split]) if "\t" in line]  # type: ignore[misc]


def catalog_config(src: str, tgt: str, budget: float | None) -> TrainConfig:
    """Fine-tuning on the clean catalog mixture, early stop on IKEA val.

    Product text needs subword pieces the Multi30K stage barely trained: a low rate (2e-4,
    1:2 mixture) gained only ~1 IKEA val BLEU per epoch, so the rate is the base stage's order.
    """
    return _stage_config(
        src,
        tgt,
        "catalog",
        budget,
        lr=5e-4,
        warmup_steps=100,
        max_epochs=12,
        patience=3,
        init_from=WORK / f"{src}-{tgt}" / "base" / "best_hf",
    )


GENERAL_PER_CATALOG_PAIR = 2  # Multi30K pairs mixed in per IKEA pair, against forgetting


def catalog_mixture(src: str, tgt: str) -> list[Pair]:
    import random

    from polyshelf.training.augment import augment_pairs

    ikea = catalog_pairs("train", src, tgt)
    general = multi30k("train", src, tgt)
    random.Random(1).shuffle(general)
    mixture = ikea + general[: GENERAL_PER_CATALOG_PAIR * len(ikea)]
    random.Random(2).shuffle(mixture)
    return augment_pairs(mixture, rate=0.5)


def run_catalog(src: str, tgt: str, budget: float | None) -> None:
    from polyshelf.training.recipe import train

    mixture = catalog_mixture(src, tgt)
    # Early stopping on IKEA val and Multi30K val together (one corpus BLEU over both): an
    # epoch that gains on product text by forgetting general text does not win.
    ikea_dev, general_dev = catalog_pairs("val", src, tgt), multi30k("val", src, tgt)
    dev = ikea_dev + general_dev
    print(
        f"catalog mixture: {len(mixture)} pairs; dev: {len(ikea_dev)} IKEA val sentence pairs "
        f"+ {len(general_dev)} Multi30K val pairs"
    )
    result = train(catalog_config(src, tgt, budget), mixture, dev)
    print(f"catalog {src}-{tgt}: best dev BLEU (IKEA + Multi30K val) {result.best_bleu:.2f}")


BLEND_WEIGHTS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)  # share of the catalog model; 1.0 = unblended


def run_blend(src: str, tgt: str) -> None:
    """Blend the catalog model with its base (blend.py), weight chosen on IKEA + Multi30K val."""
    from polyshelf.training.blend import choose_blend
    from polyshelf.training.recipe import dev_bleu_evaluator

    work = WORK / f"{src}-{tgt}"
    stage = work / "blend"
    evaluate = dev_bleu_evaluator(src, tgt, stage / "eval_ct2")
    dev = {"ikea_val": catalog_pairs("val", src, tgt), "multi30k_val": multi30k("val", src, tgt)}
    result = choose_blend(
        work / "base" / "best_hf",
        work / "catalog" / "best_hf",
        dev,
        evaluate,
        stage,
        BLEND_WEIGHTS,
    )
    print(
        f"blend {src}-{tgt}: catalog weight {result.weight:g}, mean dev BLEU (IKEA val, "
        f"Multi30K val) {result.dev_bleu:.2f}; tried {result.scores}"
    )


def print_status(src: str, tgt: str) -> None:
    from polyshelf.training.recipe_status import blend_line, shipped_line, train_stage_line

    work = WORK / f"{src}-{tgt}"
    warm = work / "base" / WARM_START_NAME
    base = warm_base_config(src, tgt, None, warm) if warm.is_file() else base_config(src, tgt, None)
    print(f"{src}-{tgt}: {work}" + (" (base warm-started)" if warm.is_file() else ""))
    print("  " + train_stage_line("base", base))
    print("  " + train_stage_line("catalog", catalog_config(src, tgt, None)))
    print("  " + blend_line(work / "blend"))
    print("  " + shipped_line(SHIPPED / f"{src}-{tgt}"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pair", required=True, choices=["en-de", "en-fr"])
    parser.add_argument("--stage", choices=["base", "catalog", "blend", "ship", "all"])
    parser.add_argument(
        "--status", action="store_true", help="show how far the pair's recipe is, then exit"
    )
    parser.add_argument("--time-budget", type=float, default=None, help="seconds, then stop")
    parser.add_argument(
        "--warm-start",
        nargs="?",
        const="shipped",
        default=None,
        metavar="MODEL_DIR",
        help="base stage: continue from a model's fine-tuning weights instead of from scratch "
        "(default: the currently shipped model of the pair)",
    )
    parser.add_argument(
        "--force", action="store_true", help="ship even if not better than the shipped model"
    )
    parser.add_argument(
        "--no-product-eval",
        action="store_true",
        help="ship: skip IKEA val scoring on whole product lines (saves CPU time)",
    )
    args = parser.parse_args()
    src, tgt = args.pair.split("-")
    if args.status:
        print_status(src, tgt)
        return
    if args.stage is None:
        parser.error("give --stage (or --status)")
    warm = None
    if args.warm_start is not None:
        warm = SHIPPED / args.pair if args.warm_start == "shipped" else Path(args.warm_start)
    if args.stage in ("base", "all"):
        run_base(src, tgt, args.time_budget, warm)
    if args.stage in ("catalog", "all"):
        run_catalog(src, tgt, args.time_budget)
    if args.stage in ("blend", "all"):
        run_blend(src, tgt)
    if args.stage in ("ship", "all"):
        from polyshelf.training.ship import ship

        ship(src, tgt, force=args.force, products=not args.no_product_eval)


if __name__ == "__main__":
    main()
