"""Export the recipe's best checkpoint into the package, with measured figures in its card."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from polyshelf.models.export import add_finetune_files
from polyshelf.models.manifest import ModelManifest, read_manifest
from polyshelf.training.corpus import filter_pairs
from polyshelf.training.defaults import SHIPPED, WORK, _scratch_backend, aligned_ikea, multi30k
from polyshelf.training.evaluate import score_hypotheses, translate_lines
from polyshelf.training.marian import SIZES, size_dict

BEAM = 4


def _history(stage_dir: Path) -> dict[str, object]:
    import torch

    ckpt = torch.load(stage_dir / "last.pt", map_location="cpu", weights_only=True)
    state = json.loads(ckpt["state"])
    return {
        "epochs": state["epoch"],
        "steps": state["step"],
        "wall_time_s": round(state.get("wall_seconds", 0.0)),
        "best_dev_bleu_greedy": state["best_bleu"],
    }


def _bleu(backend: object, pairs: list[tuple[str, str]], tgt: str) -> dict[str, object]:
    hyps = translate_lines(backend, [p[0] for p in pairs], tgt, BEAM)  # type: ignore[arg-type]
    return score_hypotheses(hyps, [p[1] for p in pairs]).as_dict()


def ship(src: str, tgt: str) -> Path:
    pair = f"{src}-{tgt}"
    work = WORK / pair
    final = work / "catalog" / "best_hf"
    stages = ["base", "catalog"] if final.is_dir() else ["base"]
    final = work / stages[-1] / "best_hf"
    started = time.monotonic()
    scratch = work / "ship_ct2"
    int8 = _scratch_backend(final, scratch, src, tgt, "int8")
    test = multi30k("test_2016_flickr", src, tgt)
    val = multi30k("val", src, tgt)
    card: dict[str, object] = {
        "recipe": "make models: Multi30K train (val early stopping), then IKEA train "
        "sentence-aligned catalog fine-tuning (IKEA val early stopping)",
        "data": "Multi30K train (29,000 pairs); IKEA-Dataset en-" + tgt + " train (aligned)",
        "architecture": size_dict(SIZES["small"]),
        "stages": {s: _history(work / s) for s in stages},
        "device": "cpu",
        "beam_size": BEAM,
        "multi30k_test2016": _bleu(int8, test, tgt),
    }
    card["bleu_multi30k_test2016"] = card["multi30k_test2016"]["bleu"]  # type: ignore[index]
    # Quantization is checked, not assumed: int8 against float32 on the same dev set.
    fp32 = _scratch_backend(final, work / "ship_ct2_fp32", src, tgt, "float32")
    val_int8 = _bleu(int8, val, tgt)["bleu"]
    val_fp32 = _bleu(fp32, val, tgt)["bleu"]
    card["quantization_check"] = {
        "dev": "multi30k val",
        "int8_bleu": val_int8,
        "float32_bleu": val_fp32,
        "delta": round(float(val_int8) - float(val_fp32), 2),  # type: ignore[arg-type]
    }
    if "catalog" in stages:
        ikea_val, _ = filter_pairs(aligned_ikea("val", src, tgt))
        base = _scratch_backend(work / "base" / "best_hf", work / "ship_ct2_base", src, tgt)
        card["ikea_val"] = {
            "pairs": len(ikea_val),
            "without_catalog_finetuning": _bleu(base, ikea_val, tgt)["bleu"],
            "with_catalog_finetuning": _bleu(int8, ikea_val, tgt)["bleu"],
        }
    out = SHIPPED / pair
    previous = read_manifest(out).version if (out / "polyshelf-model.json").is_file() else "0"
    manifest = ModelManifest(
        name=pair,
        version=str(int(previous) + 1) if previous.isdigit() else "1",
        source=src,
        targets=(tgt,),
        placeholders=True,
        card={**card, "evaluation_s": round(time.monotonic() - started)},
    )
    staging = SHIPPED / f".{pair}.new"
    shutil.rmtree(staging, ignore_errors=True)
    shutil.copytree(scratch, staging)
    add_finetune_files(final, staging)
    manifest.write(staging)
    shutil.rmtree(out, ignore_errors=True)
    staging.rename(out)
    size_mb = sum(f.stat().st_size for f in out.iterdir()) / 1e6
    print(f"shipped {manifest.model_id} to {out} ({size_mb:.1f} MB)")
    print(json.dumps(card, indent=2, default=str))
    return out
