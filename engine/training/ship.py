"""Export the recipe's best checkpoint into the package, with measured figures in its card.

A model is shipped only if it beats the model already shipped for the pair: Multi30K
test_2016_flickr sacreBLEU not lower (the previous card's figure), IKEA val BLEU higher (both
models scored now on the same val sentence pairs), int8 within 0.5 BLEU of float32 and the files
within 25 MB. `--force` ships anyway. All translations use beam 4.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from polyshelf.fileio import replace_dir
from polyshelf.models.export import add_finetune_files
from polyshelf.models.manifest import ModelManifest, read_manifest
from polyshelf.training.blend import read_blend
from polyshelf.training.catalog_data import is_care_line, split_product
from polyshelf.training.defaults import (
    GENERAL_PER_CATALOG_PAIR,
    MODEL_SIZE,
    SHIPPED,
    SMOKE_PAIRS,
    WARM_START_NAME,
    WORK,
    _scratch_backend,
    catalog_pairs,
    ikea_lines,
    multi30k,
)
from polyshelf.training.evaluate import score_hypotheses, translate_lines
from polyshelf.training.marian import SIZES, size_dict
from polyshelf.training.trainer import read_state, state_devices

BEAM = 4
MAX_MB = 25.0
MAX_INT8_LOSS = 0.5


def _history(stage_dir: Path) -> dict[str, object]:
    blend = read_blend(stage_dir)
    if blend is not None:
        return asdict(blend)
    state = read_state(stage_dir)
    if state is None:  # stages trained before state.json was written
        import torch

        ckpt = torch.load(stage_dir / "last.pt", map_location="cpu", weights_only=True)
        state = json.loads(ckpt["state"])
    return {
        "epochs": state["epoch"],
        "steps": state["step"],
        "wall_time_s": round(state.get("wall_seconds", 0.0)),
        "best_dev_bleu_greedy": state["best_bleu"],
        "devices": state_devices(state),
    }


def _training_devices(stages: dict[str, dict[str, object]]) -> str:
    """Where the training stages ran, e.g. "cuda" or "cpu, cuda" for a resumed run."""
    devices = {d for h in stages.values() for d in h.get("devices", ())}  # type: ignore[attr-defined]
    return ", ".join(sorted(devices)) or "cpu"


def _bleu(backend: object, pairs: Sequence[tuple[str, str]], tgt: str) -> dict[str, object]:
    hyps = translate_lines(backend, [p[0] for p in pairs], tgt, BEAM)  # type: ignore[arg-type]
    return score_hypotheses(hyps, [p[1] for p in pairs]).as_dict()


def ikea_val_scores(backend: object, src: str, tgt: str) -> dict[str, object]:
    """IKEA val on the catalog stage's sentence pairs, plus the care-line hallucination rate.

    `care_terms_in_other_sentences`: share of translations of non-care source sentences that
    contain care-instruction words (wipe, cloth, wash…), next to the same share in the references.
    """
    pairs = catalog_pairs("val", src, tgt)
    hyps = translate_lines(backend, [p[0] for p in pairs], tgt, BEAM)  # type: ignore[arg-type]
    result = score_hypotheses(hyps, [p[1] for p in pairs])
    other = [i for i, p in enumerate(pairs) if not is_care_line(p[0])]
    hyp_rate = sum(is_care_line(hyps[i]) for i in other) / max(1, len(other))
    ref_rate = sum(is_care_line(pairs[i][1]) for i in other) / max(1, len(other))
    return {
        "pairs": len(pairs),
        "bleu": result.bleu.value,
        "chrf": result.chrf.value,
        "care_terms_in_other_sentences": {"hyp": round(hyp_rate, 3), "ref": round(ref_rate, 3)},
    }


def ikea_product_bleu(backend: object, src: str, tgt: str) -> dict[str, object]:
    """IKEA val on whole product lines: source split into sentences, translated, joined.

    References are the detokenized target lines, which often translate only part of the source,
    so absolute figures are low; they compare models, not languages.
    """
    src_lines, tgt_lines = ikea_lines("val", src, tgt)
    split = [split_product(line, src) for line in src_lines]
    flat = [s for sentences in split for s in sentences]
    hyps = translate_lines(backend, flat, tgt, BEAM)  # type: ignore[arg-type]
    joined, cursor = [], 0
    for sentences in split:
        joined.append(" ".join(hyps[cursor : cursor + len(sentences)]))
        cursor += len(sentences)
    result = score_hypotheses(joined, tgt_lines)
    return {"products": len(tgt_lines), "bleu": result.bleu.value, "chrf": result.chrf.value}


def _shipped_backend(model_dir: Path) -> object:
    from polyshelf.mt.ctranslate import CTranslate2Backend

    return CTranslate2Backend(
        read_manifest(model_dir), model_dir, device="cpu", compute_type="int8", threads=_threads()
    )


def _threads() -> int:
    return int(os.environ.get("POLYSHELF_TRAIN_THREADS", "0"))


def ship(src: str, tgt: str, *, force: bool = False, products: bool = True) -> Path | None:
    pair = f"{src}-{tgt}"
    work = WORK / pair
    stages = [s for s in ("base", "catalog", "blend") if (work / s / "best_hf").is_dir()]
    final = work / stages[-1] / "best_hf"
    started = time.monotonic()
    scratch = work / "ship_ct2"
    threads = _threads()
    int8 = _scratch_backend(final, scratch, src, tgt, "int8", threads)
    test = multi30k("test_2016_flickr", src, tgt)
    val = multi30k("val", src, tgt)
    histories = {s: _history(work / s) for s in stages}
    card: dict[str, object] = {
        "recipe": "make models: Multi30K train (val early stopping), then catalog fine-tuning on "
        "IKEA train sentences (Gale-Church length alignment with number/name/lexicon anchors, "
        f"deduplicated, care lines capped at 15%) mixed 1:{GENERAL_PER_CATALOG_PAIR} with "
        "Multi30K, early stopping on IKEA val + Multi30K val; then the weights blended with the "
        "base model's, the catalog share chosen on the same dev data (stages.blend)",
        "data": "Multi30K train (29,000 pairs); IKEA-Dataset en-" + tgt + " train (sentence pairs)",
        "architecture": size_dict(SIZES[MODEL_SIZE]),
        "stages": histories,
        "final_stage": stages[-1],
        "device": _training_devices(histories),
        "beam_size": BEAM,
    }
    if SMOKE_PAIRS:
        card["smoke_check"] = f"plumbing check on {SMOKE_PAIRS}-pair slices, not a real model"
    warm = work / "base" / WARM_START_NAME
    if warm.is_file():
        card["lineage"] = {
            "warm_started_from": json.loads(warm.read_text(encoding="utf-8")),
            "note": "base stage continued Multi30K training from that model's weights "
            "(restore.py) instead of from scratch; `make models` trains from scratch",
        }
    card["multi30k_test2016"] = _bleu(int8, test, tgt)
    card["bleu_multi30k_test2016"] = card["multi30k_test2016"]["bleu"]  # type: ignore[index]
    # Quantization is checked, not assumed: int8 against float32 on the same dev set.
    fp32 = _scratch_backend(final, work / "ship_ct2_fp32", src, tgt, "float32", threads)
    val_int8 = _bleu(int8, val, tgt)["bleu"]
    val_fp32 = _bleu(fp32, val, tgt)["bleu"]
    card["quantization_check"] = {
        "dev": "multi30k val",
        "int8_bleu": val_int8,
        "float32_bleu": val_fp32,
        "delta": round(float(val_int8) - float(val_fp32), 2),  # type: ignore[arg-type]
    }
    ikea: dict[str, object] = {
        "val": "IKEA val sentence pairs (catalog_data alignment, deduplicated), sacreBLEU "
        "detokenized cased, beam 4; products: whole val product lines",
        "with_catalog_finetuning": ikea_val_scores(int8, src, tgt),
    }
    if "catalog" in stages:
        base = _scratch_backend(
            work / "base" / "best_hf", work / "ship_ct2_base", src, tgt, "int8", threads
        )
        ikea["without_catalog_finetuning"] = ikea_val_scores(base, src, tgt)
        # What the catalog stage costs on general text.
        card["multi30k_test2016_without_catalog"] = _bleu(base, test, tgt)
        if products:
            ikea["products_without"] = ikea_product_bleu(base, src, tgt)
    blend = read_blend(work / "blend")
    if blend is not None and blend.weight < 1.0:
        # The catalog model before blending, to show what the blend trades.
        unblended = _scratch_backend(
            work / "catalog" / "best_hf", work / "ship_ct2_catalog", src, tgt, "int8", threads
        )
        ikea["catalog_unblended"] = ikea_val_scores(unblended, src, tgt)
        card["multi30k_test2016_catalog_unblended"] = _bleu(unblended, test, tgt)
    if products:
        ikea["products_with"] = ikea_product_bleu(int8, src, tgt)
    card["ikea_val"] = ikea
    out = SHIPPED / pair
    previous = read_manifest(out) if (out / "polyshelf-model.json").is_file() else None
    failures: list[str] = []
    if previous is not None:
        prev_backend = _shipped_backend(out)
        prev_ikea = ikea_val_scores(prev_backend, src, tgt)
        prev_test = previous.card.get("bleu_multi30k_test2016")
        card["previous"] = {
            "model": previous.model_id,
            "bleu_multi30k_test2016": prev_test,
            "ikea_val": prev_ikea,
        }
        if prev_test is not None and float(card["bleu_multi30k_test2016"]) < float(prev_test):  # type: ignore[arg-type]
            failures.append(f"Multi30K test BLEU {card['bleu_multi30k_test2016']} < {prev_test}")
        new_ikea = ikea["with_catalog_finetuning"]["bleu"]  # type: ignore[index]
        if float(new_ikea) <= float(prev_ikea["bleu"]):  # type: ignore[arg-type]
            failures.append(f"IKEA val BLEU {new_ikea} <= {prev_ikea['bleu']}")
    if abs(float(card["quantization_check"]["delta"])) > MAX_INT8_LOSS:  # type: ignore[index]
        failures.append(f"int8 vs float32 delta {card['quantization_check']['delta']}")  # type: ignore[index]
    prev_version = previous.version if previous is not None else "0"
    manifest = ModelManifest(
        name=pair,
        version=str(int(prev_version) + 1) if prev_version.isdigit() else "1",
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
    size_mb = sum(f.stat().st_size for f in staging.iterdir()) / 1e6
    if size_mb > MAX_MB:
        failures.append(f"{size_mb:.1f} MB > {MAX_MB} MB")
    print(json.dumps(card, indent=2, default=str))
    if failures and not force:
        kept = replace_dir(staging, work / "not_shipped")
        print(f"NOT shipped {manifest.model_id}: " + "; ".join(failures) + f" (kept in {kept})")
        return None
    replace_dir(staging, out)
    print(f"shipped {manifest.model_id} to {out} ({size_mb:.1f} MB)")
    return out
