"""`make models`: rebuild the shipped en→de / en→fr models from ../shared/corpora.

Stage `base`: Multi30K train (val for early stopping). Stage `catalog`: fine-tune on IKEA
product text (detokenized, sentence-aligned, filtered), mixed with Multi30K against forgetting,
IKEA val for early stopping. `ship` exports the result into the package. Every stage resumes
from its checkpoints in the work directory (outside the repository).

    python -m polyshelf.training.defaults --pair en-de --stage base [--time-budget 3600]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from polyshelf.training.corpus import Pair, detokenize, read_lines, read_parallel
from polyshelf.training.trainer import TrainConfig

REPO = Path(__file__).resolve().parents[2]
CORPORA = Path(os.environ.get("POLYSHELF_CORPORA", REPO.parent / "shared" / "corpora"))
WORK = Path(
    os.environ.get("POLYSHELF_RECIPE_WORK", Path.home() / ".cache" / "polyshelf" / "recipe")
)
SHIPPED = REPO / "engine" / "shipped_models"


def multi30k(split: str, src: str, tgt: str) -> list[Pair]:
    root = CORPORA / "multi30k"
    return read_parallel(root / f"{split}.{src}.gz", root / f"{split}.{tgt}.gz")


def ikea_lines(split: str, src: str, tgt: str) -> tuple[list[str], list[str]]:
    root = CORPORA / "ikea" / f"{src}-{tgt}"
    src_lines = detokenize(read_lines(root / f"{split}.{src}.gz"), src)
    tgt_lines = detokenize(read_lines(root / f"{split}.{tgt}.gz"), tgt)
    return src_lines, tgt_lines


def base_config(src: str, tgt: str, budget: float | None) -> TrainConfig:
    return TrainConfig(
        src_lang=src,
        tgt_lang=tgt,
        work_dir=WORK / f"{src}-{tgt}" / "base",
        size="small",
        vocab_size=8000,
        max_tokens=2048,
        lr=7e-4,
        warmup_steps=1000,
        max_epochs=60,
        patience=8,
        time_budget_s=budget,
    )


def run_base(src: str, tgt: str, budget: float | None) -> None:
    from polyshelf.training.augment import augment_pairs
    from polyshelf.training.recipe import train

    train_pairs = augment_pairs(multi30k("train", src, tgt), rate=0.5)
    dev_pairs = multi30k("val", src, tgt)
    ikea_src, ikea_tgt = ikea_lines("train", src, tgt)
    vocab_texts = [t for pair in train_pairs for t in pair] + ikea_src + ikea_tgt
    result = train(base_config(src, tgt, budget), train_pairs, dev_pairs, vocab_texts=vocab_texts)
    print(f"base {src}-{tgt}: best dev BLEU {result.best_bleu:.2f}, finished={result.finished}")


def _scratch_backend(hf_dir: Path, scratch: Path, src: str, tgt: str, quantization: str = "int8"):
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
    return CTranslate2Backend(manifest, scratch, device="cpu", compute_type=compute)


def aligned_ikea(split: str, src: str, tgt: str) -> list[Pair]:
    """IKEA sentence pairs aligned with the base model's translations (cached as TSV)."""
    from polyshelf.training.align import align_corpus
    from polyshelf.training.evaluate import translate_lines

    cache = WORK / f"{src}-{tgt}" / f"ikea_{split}_aligned.tsv"
    if cache.is_file():
        return [tuple(line.split("\t", 1)) for line in read_lines(cache) if "\t" in line]  # type: ignore[misc]
    backend = _scratch_backend(
        WORK / f"{src}-{tgt}" / "base" / "best_hf", WORK / f"{src}-{tgt}" / "align_ct2", src, tgt
    )
    src_lines, tgt_lines = ikea_lines(split, src, tgt)
    pairs = align_corpus(src_lines, tgt_lines, lambda xs: translate_lines(backend, xs, tgt, 2))
    cache.write_text("".join(f"{a}\t{b}\n" for a, b in pairs), encoding="utf-8")
    print(f"IKEA {split}: {len(pairs)} aligned sentence pairs from {len(src_lines)} products")
    return pairs


def catalog_config(src: str, tgt: str, budget: float | None) -> TrainConfig:
    return TrainConfig(
        src_lang=src,
        tgt_lang=tgt,
        work_dir=WORK / f"{src}-{tgt}" / "catalog",
        size="small",
        max_tokens=2048,
        lr=3e-4,
        warmup_steps=200,
        max_epochs=20,
        patience=4,
        init_from=WORK / f"{src}-{tgt}" / "base" / "best_hf",
        time_budget_s=budget,
    )


def run_catalog(src: str, tgt: str, budget: float | None) -> None:
    import random

    from polyshelf.training.augment import augment_pairs
    from polyshelf.training.corpus import filter_pairs
    from polyshelf.training.recipe import train

    ikea, stats = filter_pairs(aligned_ikea("train", src, tgt))
    print(f"IKEA train filter: {stats.summary()}")
    general = multi30k("train", src, tgt)
    random.Random(1).shuffle(general)
    # In-domain pairs plus as much general text against forgetting.
    mixture = augment_pairs(ikea + general[: len(ikea)], rate=0.5)
    dev, _ = filter_pairs(aligned_ikea("val", src, tgt))
    result = train(catalog_config(src, tgt, budget), mixture, dev)
    print(f"catalog {src}-{tgt}: best IKEA dev BLEU {result.best_bleu:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pair", required=True, choices=["en-de", "en-fr"])
    parser.add_argument("--stage", required=True, choices=["base", "catalog", "ship", "all"])
    parser.add_argument("--time-budget", type=float, default=None, help="seconds, then stop")
    args = parser.parse_args()
    src, tgt = args.pair.split("-")
    if args.stage in ("base", "all"):
        run_base(src, tgt, args.time_budget)
    if args.stage in ("catalog", "all"):
        run_catalog(src, tgt, args.time_budget)
    if args.stage in ("ship", "all"):
        from polyshelf.training.ship import ship

        ship(src, tgt)


if __name__ == "__main__":
    main()
