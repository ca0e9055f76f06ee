"""Weight-space blending of a fine-tuned model with the model it was fine-tuned from.

Fine-tuning on catalog text costs general-domain quality. Averaging the two checkpoints'
weights (θ = (1 − w)·base + w·tuned; "WiSE-FT", Wortsman et al. 2022) keeps most of the
in-domain gain while giving back much of what was forgotten, without any training: both models
share one initialisation lineage, so the straight line between them stays in a good region.
The weight is chosen on dev data, never on test data: the mean BLEU over the dev sets (one
in-domain, one general), so neither set's length dominates the choice as it would in one corpus
BLEU over their concatenation.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from polyshelf.errors import ModelError
from polyshelf.fileio import atomic_output, replace_dir
from polyshelf.training.corpus import Pair

WEIGHTS_NAME = "model.safetensors"
RECORD_NAME = "blend.json"


def blend_hf_dirs(base_dir: Path, tuned_dir: Path, weight: float, out_dir: Path) -> Path:
    """Write an HF Marian directory whose float tensors are (1 − weight)·base + weight·tuned."""
    from safetensors.numpy import load_file, save_file

    if not 0.0 <= weight <= 1.0:
        raise ModelError(f"blend weight must be within 0..1, got {weight}")
    base = load_file(str(base_dir / WEIGHTS_NAME))
    tuned = load_file(str(tuned_dir / WEIGHTS_NAME))
    if base.keys() != tuned.keys() or any(base[k].shape != tuned[k].shape for k in base):
        raise ModelError(f"cannot blend {base_dir} with {tuned_dir}: different architectures")
    blended = {
        name: ((1.0 - weight) * base[name] + weight * tuned[name]).astype(base[name].dtype)
        if base[name].dtype.kind == "f"
        else tuned[name]
        for name in base
    }
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.copytree(tuned_dir, tmp)
    save_file(blended, str(tmp / WEIGHTS_NAME), metadata={"format": "pt"})
    return replace_dir(tmp, out_dir)


@dataclass(frozen=True)
class BlendResult:
    weight: float
    dev_bleu: float  # mean over the dev sets
    scores: dict[str, dict[str, float]]  # weight → {dev set → BLEU, "mean"}, every weight tried


def choose_blend(
    base_dir: Path,
    tuned_dir: Path,
    dev_sets: Mapping[str, Sequence[Pair]],
    evaluate: Callable[[Path, Sequence[Pair]], float],
    work_dir: Path,
    weights: Sequence[float] = (1.0, 0.8, 0.6, 0.4),
    log: Callable[[str], None] = print,
) -> BlendResult:
    """Score each blend weight on the dev sets; the best mean is left in work_dir/best_hf.

    Ties go to the larger weight (more of the fine-tuned model). The result is recorded in
    work_dir/blend.json, and an existing record is reused so a finished stage does not rerun.
    """
    done = read_blend(work_dir)
    if done is not None and (work_dir / "best_hf").is_dir():
        return done
    work_dir.mkdir(parents=True, exist_ok=True)
    if not dev_sets:
        raise ModelError("choose_blend needs at least one dev set")
    scores: dict[str, dict[str, float]] = {}
    best: tuple[float, float] | None = None
    for weight in sorted(weights, reverse=True):
        candidate = blend_hf_dirs(base_dir, tuned_dir, weight, work_dir / "candidate_hf")
        per_set = {name: round(evaluate(candidate, pairs), 2) for name, pairs in dev_sets.items()}
        bleu = sum(per_set.values()) / len(per_set)
        scores[f"{weight:g}"] = {**per_set, "mean": round(bleu, 2)}
        log(f"blend weight {weight:g}: dev BLEU {per_set}, mean {bleu:.2f}")
        if best is None or bleu > best[1]:
            best = (weight, bleu)
            replace_dir(candidate, work_dir / "best_hf")
    shutil.rmtree(work_dir / "candidate_hf", ignore_errors=True)
    if best is None:
        raise ModelError("choose_blend needs at least one weight")
    result = BlendResult(best[0], round(best[1], 2), scores)
    with atomic_output(work_dir / RECORD_NAME) as record:  # its presence marks the stage done
        record.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    return result


def read_blend(work_dir: Path) -> BlendResult | None:
    """The blend stage's recorded choice, or None if it has not run."""
    record = work_dir / RECORD_NAME
    if not record.is_file():
        return None
    data = json.loads(record.read_text(encoding="utf-8"))
    return BlendResult(data["weight"], data["dev_bleu"], data["scores"])
