"""Where a `make models` run stands, read from its work directory's records (no torch needed).

A recipe takes hours on CPU and is resumed across runs; `--status` answers "how far is it, how
long has it taken, is it getting better" without opening checkpoints.
"""

from __future__ import annotations

from pathlib import Path

from polyshelf.training.blend import read_blend
from polyshelf.training.trainer import TrainConfig, read_state, state_devices


def _hours(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def train_stage_line(name: str, config: TrainConfig) -> str:
    """One line for a training stage: epochs, wall time, devices, best dev BLEU, and whether it
    is done (early stop or epoch limit) or would resume on the next run."""
    state = read_state(config.work_dir)
    if state is None:
        started = config.work_dir.is_dir()
        return f"{name:<8} " + ("no epoch finished yet" if started else "not started")
    history = state.get("history", [])
    epoch = int(state["epoch"])
    best = max(history, key=lambda h: h["dev_bleu"], default=None)
    devices = ", ".join(state_devices(state)) or "cpu"
    line = (
        f"{name:<8} {epoch} epochs in {_hours(state.get('wall_seconds', 0.0))} ({devices}), "
        f"best dev BLEU {state['best_bleu']:.2f}"
    )
    if best is not None:
        line += f" at epoch {best['epoch']}, last {history[-1]['dev_bleu']:.2f}"
    if config.stopped_early(state):
        return line + f"; done (no gain in {config.patience} epochs)"
    if epoch >= config.max_epochs:
        return line + f"; done ({config.max_epochs} epochs)"
    return line + f"; resumes at epoch {epoch + 1} of at most {config.max_epochs}"


def blend_line(stage_dir: Path) -> str:
    blend = read_blend(stage_dir)
    if blend is None:
        return f"{'blend':<8} not run"
    return f"{'blend':<8} catalog weight {blend.weight:g}, mean dev BLEU {blend.dev_bleu:.2f}"


def shipped_line(model_dir: Path) -> str:
    from polyshelf.models.manifest import read_manifest

    if not (model_dir / "polyshelf-model.json").is_file():
        return f"{'shipped':<8} none in {model_dir.parent}"
    manifest = read_manifest(model_dir)
    test = manifest.card.get("bleu_multi30k_test2016", "?")
    return f"{'shipped':<8} {manifest.model_id}, Multi30K test BLEU {test} ({model_dir})"
