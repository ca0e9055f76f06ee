"""Fine-tune a registered model on approved pairs; promote the result only if it is better."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_dir

from polyshelf.errors import ConfigError
from polyshelf.models.manifest import ModelManifest, read_manifest
from polyshelf.models.registry import ModelEntry, ModelRegistry
from polyshelf.training.augment import augment_pairs
from polyshelf.training.corpus import FilterStats, Pair, filter_pairs
from polyshelf.training.evaluate import EvalResult, evaluate_model_dir
from polyshelf.training.recipe import export_result, train
from polyshelf.training.restore import restore_hf_dir
from polyshelf.training.trainer import TrainConfig


@dataclass
class FinetuneOutcome:
    manifest: ModelManifest
    path: Path
    filter_stats: FilterStats
    base: EvalResult
    tuned: EvalResult
    promoted: bool


def name_and_version(out_dir: Path) -> tuple[str, str]:
    """`models/en-de-shop-v2` → ("en-de-shop", "2"); without a -vN suffix the version is 1."""
    match = re.fullmatch(r"(.+?)-v(\d+)", out_dir.name)
    return (match.group(1), match.group(2)) if match else (out_dir.name, "1")


def split_heldout(
    pairs: Sequence[Pair], share: float, seed: int = 7
) -> tuple[list[Pair], list[Pair]]:
    shuffled = list(pairs)
    random.Random(seed).shuffle(shuffled)
    n_held = max(1, min(len(shuffled) // 2, round(len(shuffled) * share)))
    return shuffled[n_held:], shuffled[:n_held]


def finetune(
    registry: ModelRegistry,
    base: str,
    pairs: Sequence[Pair],
    out_dir: Path,
    *,
    general: Sequence[Pair] = (),
    heldout_share: float = 0.1,
    max_epochs: int = 10,
    time_budget_s: float | None = None,
    promote: bool = True,
    log: Callable[[str], None] = print,
) -> FinetuneOutcome:
    entry: ModelEntry = registry.find(base)
    source, target = entry.manifest.source, entry.manifest.targets[0]
    if out_dir.resolve() == entry.path.resolve() or out_dir.exists():
        raise ConfigError(f"{out_dir} exists already: a fine-tuned model never overwrites one")
    kept, stats = filter_pairs(pairs)
    log(f"training pairs: {stats.summary()}")
    if len(kept) < 4:
        raise ConfigError(f"only {len(kept)} usable pairs after filtering; need at least 4")
    train_pairs, heldout = split_heldout(kept, heldout_share)
    name, version = name_and_version(out_dir)
    work = Path(user_cache_dir("polyshelf")) / "finetune" / f"{name}-v{version}"
    base_hf = restore_hf_dir(entry.path, entry.manifest, work / "base_hf")
    # General text mixed in against forgetting: as much of it as in-domain pairs, at most.
    mixture = augment_pairs(list(train_pairs) + list(general[: len(train_pairs)]), rate=0.5)
    config = TrainConfig(
        src_lang=source,
        tgt_lang=target,
        work_dir=work,
        size=str(entry.manifest.card.get("size", "small")),
        lr=2e-4,
        warmup_steps=50,
        max_epochs=max_epochs,
        patience=3,
        init_from=base_hf,
        time_budget_s=time_budget_s,
        max_tokens=2048,
    )
    result = train(config, mixture, heldout, log=log)
    card = {
        "base_model": entry.model_id,
        "finetune_pairs": stats.kept,
        "filtered": stats.dropped,
        "heldout_pairs": len(heldout),
        "general_pairs": min(len(general), len(train_pairs)),
    }
    manifest = export_result(result, config, out_dir, name=name, version=version, card=card)
    base_eval = evaluate_model_dir(entry.path, entry.manifest, heldout)
    tuned_eval = evaluate_model_dir(out_dir, read_manifest(out_dir), heldout)
    better = tuned_eval.bleu.value > base_eval.bleu.value
    log(
        f"held-out ({len(heldout)} pairs): base {entry.model_id} BLEU {base_eval.bleu.value:.2f} "
        f"chrF {base_eval.chrf.value:.2f}; new {manifest.model_id} BLEU "
        f"{tuned_eval.bleu.value:.2f} chrF {tuned_eval.chrf.value:.2f}"
    )
    promoted = False
    if better and promote:
        registry.promote(registry.find(str(out_dir)), f"{source}-{target}")
        promoted = True
        log(f"promoted {manifest.model_id} as the default for {source}→{target}")
    else:
        log(f"kept {manifest.model_id} in {out_dir} but did not promote it (not better)")
    return FinetuneOutcome(manifest, out_dir, stats, base_eval, tuned_eval, promoted)
