"""Train/fine-tune entry points shared by `polyshelf train|finetune` and `make models`."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from polyshelf.models.export import convert_to_ct2, export_marian
from polyshelf.models.manifest import ModelManifest
from polyshelf.training.corpus import Pair
from polyshelf.training.evaluate import evaluate_model_dir
from polyshelf.training.trainer import TrainConfig, Trainer, TrainResult


def dev_bleu_evaluator(
    src: str, tgt: str, scratch: Path, beam_size: int = 1
) -> Callable[[Path, Sequence[Pair]], float]:
    """Dev BLEU of an HF checkpoint, measured after an int8 CTranslate2 export."""

    def evaluate(hf_dir: Path, pairs: Sequence[Pair]) -> float:
        convert_to_ct2(hf_dir, scratch, "int8")
        manifest = ModelManifest(name="dev", version="0", source=src, targets=(tgt,))
        import shutil

        for name in ("source.spm", "target.spm"):
            shutil.copy(hf_dir / name, scratch / name)
        return evaluate_model_dir(scratch, manifest, pairs, beam_size=beam_size).bleu.value

    return evaluate


def train(
    config: TrainConfig,
    train_pairs: Sequence[Pair],
    dev_pairs: Sequence[Pair],
    *,
    vocab_texts: Sequence[str] | None = None,
    log: Callable[[str], None] = print,
) -> TrainResult:
    evaluate = dev_bleu_evaluator(
        config.src_lang, config.tgt_lang, config.work_dir / "eval_ct2", config.dev_beam
    )
    trainer = Trainer(config, train_pairs, dev_pairs, evaluate, vocab_texts=vocab_texts, log=log)
    return trainer.run()


def export_result(
    result: TrainResult,
    config: TrainConfig,
    out_dir: Path,
    *,
    name: str,
    version: str,
    card: dict[str, Any],
    quantization: str = "int8",
) -> ModelManifest:
    card = {
        "trained": time.strftime("%Y-%m-%d"),
        "device": result.device,
        "steps": result.steps,
        "epochs": len(result.epochs),
        "wall_time_s": round(result.wall_seconds),
        "best_dev_bleu_greedy": result.best_bleu,
        "size": config.size,
        "vocab_size": config.vocab_size,
        "quantization": quantization,
        **card,
    }
    manifest = ModelManifest(
        name=name,
        version=version,
        source=config.src_lang,
        targets=(config.tgt_lang,),
        placeholders=True,
        card=card,
    )
    export_marian(result.best_dir, out_dir, manifest, quantization)
    return manifest
