"""Train or fine-tune a Marian Transformer with checkpoints, resume and early stopping.

Layout of `work_dir` (kept outside the repository; a rerun with the same work_dir resumes):
  vocab/spm.model, vocab/vocab.json   joint SentencePiece vocabulary
  last.pt                              model + optimizer + schedule + history, every epoch
  state.json                           the history alone (epochs, steps, dev BLEU, device)
  best_hf/                             best epoch so far (HF Marian format, safetensors)
  eval_ct2/                            scratch CTranslate2 export used for dev BLEU
"""

from __future__ import annotations

import json
import math
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from polyshelf.errors import MissingExtraError
from polyshelf.fileio import atomic_output, replace_dir
from polyshelf.training.batches import EncodedPair, collate, make_batches
from polyshelf.training.corpus import Pair
from polyshelf.training.marian import SIZES, build_model, save_hf_model

STATE_NAME = "state.json"


def read_state(work_dir: Path) -> dict[str, Any] | None:
    """A stage's training record (epochs, steps, dev BLEU history) from state.json, if written."""
    path = work_dir / STATE_NAME
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def state_devices(state: dict[str, Any]) -> list[str]:
    """The devices a stage's epochs ran on (records from before the field: CPU)."""
    return sorted({h.get("device", "cpu") for h in state["history"]})


@dataclass
class TrainConfig:
    src_lang: str
    tgt_lang: str
    work_dir: Path
    size: str = "small"
    vocab_size: int = 8000
    max_tokens: int = 4096
    lr: float = 7e-4
    warmup_steps: int = 800
    label_smoothing: float = 0.1
    max_epochs: int = 60
    patience: int = 6
    min_epochs: int = 1
    seed: int = 1
    device: str = "auto"
    init_from: Path | None = None  # HF dir of a base model (fine-tuning keeps its vocabulary)
    time_budget_s: float | None = None  # stop cleanly (resumable) after this much wall time
    dev_beam: int = 1

    def stopped_early(self, state: dict[str, Any]) -> bool:
        """Early stopping: `patience` epochs without a dev gain, once `min_epochs` have run."""
        return state["bad_epochs"] >= self.patience and state["epoch"] >= self.min_epochs


@dataclass
class EpochRecord:
    epoch: int
    steps: int
    train_loss: float
    dev_loss: float
    dev_bleu: float
    seconds: float
    device: str = "cpu"  # checkpoints from before this field were all trained on CPU


@dataclass
class TrainResult:
    best_dir: Path
    best_bleu: float
    epochs: list[EpochRecord] = field(default_factory=list)
    finished: bool = True
    wall_seconds: float = 0.0
    device: str = "cpu"
    steps: int = 0


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        raise MissingExtraError("torch", "train") from exc
    return torch


def resolve_device(device: str) -> str:
    torch = _torch()
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return device


def encode_pairs(sp: Any, pairs: Sequence[Pair], max_len: int = 250) -> list[EncodedPair]:
    src = sp.encode([p[0] for p in pairs])
    tgt = sp.encode([p[1] for p in pairs])
    return [(s[:max_len], t[:max_len]) for s, t in zip(src, tgt, strict=True)]


def _zero_start_embedding(torch: Any, model: Any, pad_id: int) -> None:
    """Keep the decoder-start (<pad>) embedding at zero.

    CTranslate2 starts Marian decoding from a zero vector instead of this row; transformers 5
    no longer keeps the padding row at zero, and a trained row makes the first word of every
    CTranslate2 translation come from an input the model never saw.
    """
    with torch.no_grad():
        model.get_input_embeddings().weight[pad_id].zero_()


def _smoothed_loss(torch: Any, logits: Any, labels: Any, smoothing: float) -> tuple[Any, int]:
    mask = labels != -100
    logprobs = torch.log_softmax(logits.float(), dim=-1)[mask]
    target = labels[mask]
    nll = -logprobs.gather(1, target.unsqueeze(1)).squeeze(1)
    smooth = -logprobs.mean(dim=-1)
    loss = (1 - smoothing) * nll + smoothing * smooth
    return loss.sum(), int(mask.sum())


class Trainer:
    def __init__(
        self,
        config: TrainConfig,
        train_pairs: Sequence[Pair],
        dev_pairs: Sequence[Pair],
        evaluate: Callable[[Path, Sequence[Pair]], float],
        vocab_texts: Sequence[str] | None = None,
        log: Callable[[str], None] = print,
    ) -> None:
        self.config = config
        self.train_pairs = train_pairs
        self.dev_pairs = dev_pairs
        self.evaluate = evaluate
        self.vocab_texts = vocab_texts
        self.log = log
        self.work = Path(config.work_dir)

    # -- set-up -------------------------------------------------------------------------
    def _vocab_dir(self) -> Path:
        vocab_dir = self.work / "vocab"
        if (vocab_dir / "spm.model").is_file():
            return vocab_dir
        if self.config.init_from is not None:
            vocab_dir.mkdir(parents=True, exist_ok=True)
            shutil.copy(self.config.init_from / "source.spm", vocab_dir / "spm.model")
            shutil.copy(self.config.init_from / "vocab.json", vocab_dir / "vocab.json")
            return vocab_dir
        from polyshelf.training.vocab import train_joint_vocab

        texts = self.vocab_texts or [t for pair in self.train_pairs for t in pair]
        self.log(f"training joint SentencePiece vocabulary ({self.config.vocab_size} pieces)")
        train_joint_vocab(texts, vocab_dir, self.config.vocab_size)
        return vocab_dir

    def _build_model(self, vocab_size: int) -> Any:
        if self.config.init_from is not None:
            from transformers import MarianMTModel

            return MarianMTModel.from_pretrained(self.config.init_from)
        return build_model(vocab_size, SIZES[self.config.size])

    # -- main loop ----------------------------------------------------------------------
    def run(self) -> TrainResult:
        torch = _torch()
        import sentencepiece as spm

        cfg = self.config
        start = time.monotonic()
        torch.manual_seed(cfg.seed)
        threads = int(os.environ.get("POLYSHELF_TRAIN_THREADS", "0")) or (os.cpu_count() or 1)
        torch.set_num_threads(threads)
        device = resolve_device(cfg.device)
        self.work.mkdir(parents=True, exist_ok=True)
        vocab_dir = self._vocab_dir()
        sp = spm.SentencePieceProcessor(model_file=str(vocab_dir / "spm.model"))
        vocab_size = sp.get_piece_size() + 1
        pad_id, eos_id = vocab_size - 1, 0
        train = encode_pairs(sp, self.train_pairs)
        dev = encode_pairs(sp, self.dev_pairs)

        model = self._build_model(vocab_size).to(device)
        _zero_start_embedding(torch, model, pad_id)
        optimizer = torch.optim.AdamW(
            model.parameters(), lr=cfg.lr, betas=(0.9, 0.98), eps=1e-9, weight_decay=0.0
        )
        warmup = max(1, cfg.warmup_steps)

        def lr_factor(step: int) -> float:
            step = max(1, step)
            return min(step / warmup, math.sqrt(warmup / step))

        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_factor)
        use_amp = device == "cuda"
        amp_dtype = torch.bfloat16 if use_amp and torch.cuda.is_bf16_supported() else torch.float16
        scaler = torch.amp.GradScaler("cuda", enabled=use_amp and amp_dtype == torch.float16)

        state = {"epoch": 0, "step": 0, "best_bleu": -1.0, "bad_epochs": 0, "history": []}
        ckpt_path = self.work / "last.pt"
        if ckpt_path.is_file():
            ckpt = torch.load(ckpt_path, map_location=device, weights_only=True)
            model.load_state_dict(ckpt["model"])
            optimizer.load_state_dict(ckpt["optimizer"])
            scheduler.load_state_dict(ckpt["scheduler"])
            state = json.loads(ckpt["state"])
            self.log(
                f"resumed from {ckpt_path} after epoch {state['epoch']} (step {state['step']})"
            )

        n_params = sum(p.numel() for p in model.parameters())
        self.log(
            f"model {cfg.size}: {n_params / 1e6:.1f} M parameters, vocab {vocab_size}, "
            f"{len(train)} training pairs, {len(dev)} dev pairs, device {device}"
        )
        finished = True
        while state["epoch"] < cfg.max_epochs:
            if cfg.stopped_early(state):
                self.log(f"early stop: no dev gain in {cfg.patience} epochs")
                break
            if cfg.time_budget_s is not None and time.monotonic() - start > cfg.time_budget_s:
                self.log("time budget spent; rerun the same command to resume")
                finished = False
                break
            epoch = state["epoch"] + 1
            epoch_start = time.monotonic()
            train_loss = self._train_epoch(
                torch,
                model,
                optimizer,
                scheduler,
                scaler,
                train,
                pad_id,
                eos_id,
                device,
                epoch,
                use_amp,
                amp_dtype,
                state,
            )
            dev_loss = self._dev_loss(torch, model, dev, pad_id, eos_id, device)
            save_hf_model(
                model,
                vocab_dir / "spm.model",
                vocab_dir / "vocab.json",
                self.work / "epoch_hf",
                cfg.src_lang,
                cfg.tgt_lang,
            )
            bleu = self.evaluate(self.work / "epoch_hf", self.dev_pairs)
            record = EpochRecord(
                epoch,
                state["step"],
                train_loss,
                dev_loss,
                bleu,
                time.monotonic() - epoch_start,
                device,
            )
            state["history"].append(record.__dict__)
            if bleu > state["best_bleu"]:
                state["best_bleu"], state["bad_epochs"] = bleu, 0
                staged = self.work / ".best_hf.new"
                shutil.rmtree(staged, ignore_errors=True)
                shutil.copytree(self.work / "epoch_hf", staged)
                replace_dir(staged, self.work / "best_hf")
            else:
                state["bad_epochs"] += 1
            state["epoch"] = epoch
            state.setdefault("wall_seconds", 0.0)
            state["wall_seconds"] += record.seconds
            self.log(
                f"epoch {epoch}: train loss {train_loss:.3f}, dev loss {dev_loss:.3f}, "
                f"dev BLEU {bleu:.2f} (best {state['best_bleu']:.2f}), {record.seconds:.0f} s"
            )
            tmp = ckpt_path.with_suffix(".tmp")
            torch.save(
                {
                    "model": model.state_dict(),
                    "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(),
                    "state": json.dumps(state),
                },
                tmp,
            )
            os.replace(tmp, ckpt_path)
            with atomic_output(self.work / STATE_NAME) as state_tmp:
                state_tmp.write_text(json.dumps(state, indent=1), encoding="utf-8")
        return TrainResult(
            best_dir=self.work / "best_hf",
            best_bleu=state["best_bleu"],
            epochs=[EpochRecord(**h) for h in state["history"]],
            finished=finished,
            wall_seconds=state.get("wall_seconds", 0.0),
            device=device,
            steps=state["step"],
        )

    def _train_epoch(
        self,
        torch: Any,
        model: Any,
        optimizer: Any,
        scheduler: Any,
        scaler: Any,
        train: list[EncodedPair],
        pad_id: int,
        eos_id: int,
        device: str,
        epoch: int,
        use_amp: bool,
        amp_dtype: Any,
        state: dict[str, Any],
    ) -> float:
        from tqdm import tqdm

        model.train()
        batches = make_batches(train, self.config.max_tokens, seed=self.config.seed + epoch)
        total_loss, total_tokens = 0.0, 0
        bar = tqdm(batches, desc=f"epoch {epoch}", unit="batch", leave=False, mininterval=2)
        for indices in bar:
            input_ids, attention, decoder_in, labels = (
                t.to(device) for t in collate(train, indices, pad_id, eos_id)
            )
            with torch.autocast(device_type="cuda", dtype=amp_dtype, enabled=use_amp):
                logits = model(
                    input_ids=input_ids, attention_mask=attention, decoder_input_ids=decoder_in
                ).logits
            loss_sum, n_tokens = _smoothed_loss(torch, logits, labels, self.config.label_smoothing)
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss_sum / n_tokens).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            scaler.step(optimizer)
            scaler.update()
            _zero_start_embedding(torch, model, pad_id)
            scheduler.step()
            state["step"] += 1
            total_loss += float(loss_sum.detach())
            total_tokens += n_tokens
            bar.set_postfix(loss=f"{total_loss / max(1, total_tokens):.3f}")
        return total_loss / max(1, total_tokens)

    def _dev_loss(
        self, torch: Any, model: Any, dev: list[EncodedPair], pad_id: int, eos_id: int, device: str
    ) -> float:
        model.eval()
        total, tokens = 0.0, 0
        with torch.no_grad():
            for indices in make_batches(dev, self.config.max_tokens, seed=0):
                input_ids, attention, decoder_in, labels = (
                    t.to(device) for t in collate(dev, indices, pad_id, eos_id)
                )
                logits = model(
                    input_ids=input_ids, attention_mask=attention, decoder_input_ids=decoder_in
                ).logits
                loss_sum, n = _smoothed_loss(torch, logits, labels, 0.0)
                total += float(loss_sum)
                tokens += n
        return total / max(1, tokens)
