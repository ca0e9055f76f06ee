"""CTranslate2 backend: SentencePiece in, CTranslate2 beam search, SentencePiece out."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from polyshelf.errors import ConfigError, ModelError
from polyshelf.models.export import HF_CONFIG_NAME
from polyshelf.models.manifest import ModelManifest
from polyshelf.mt.backend import Hypothesis, MTBackend, TranslateOptions, register_backend

DEVICES = ("auto", "cpu", "cuda")
CUDA_COMPUTE_TYPES = ("float16", "int8_float16", "bfloat16", "float32", "int8")
CPU_COMPUTE_TYPES = ("int8", "int8_float32", "float32")


def cuda_device_count() -> int:
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except Exception:  # a CPU-only build or broken driver reports as "no CUDA"
        return 0


def choose_device(device: str, compute_type: str | None) -> tuple[str, str]:
    if device not in DEVICES:
        raise ConfigError(f"unknown device {device!r}; use one of {', '.join(DEVICES)}")
    if device == "auto":
        device = "cuda" if cuda_device_count() > 0 else "cpu"
    elif device == "cuda" and cuda_device_count() == 0:
        raise ConfigError("device 'cuda' requested but CTranslate2 sees no CUDA device")
    allowed = CUDA_COMPUTE_TYPES if device == "cuda" else CPU_COMPUTE_TYPES
    if compute_type is None:
        compute_type = "float16" if device == "cuda" else "int8"
    if compute_type not in allowed:
        raise ConfigError(
            f"compute type {compute_type!r} is not available on {device}; use {', '.join(allowed)}"
        )
    return device, compute_type


@register_backend("marian")
@register_backend("nllb")
@register_backend("m2m100")
class CTranslate2Backend(MTBackend):
    def __init__(
        self,
        manifest: ModelManifest,
        model_dir: Path,
        device: str = "auto",
        compute_type: str | None = None,
        threads: int = 0,
    ) -> None:
        self.manifest = manifest
        self.model_dir = Path(model_dir)
        self.model_id = manifest.model_id
        self.device, self.compute_type = choose_device(device, compute_type)
        self.threads = threads
        self._translator: Any = None
        self._sp_source: Any = None
        self._sp_target: Any = None
        self._max_positions = DEFAULT_MAX_POSITIONS

    def load(self) -> None:
        if self._translator is not None:
            return
        import ctranslate2
        import sentencepiece as spm

        try:
            self._translator = ctranslate2.Translator(
                str(self.model_dir),
                device=self.device,
                compute_type=self.compute_type,
                intra_threads=self.threads,
            )
            self._sp_source = spm.SentencePieceProcessor(
                model_file=str(self.model_dir / self.manifest.source_spm)
            )
            self._sp_target = spm.SentencePieceProcessor(
                model_file=str(self.model_dir / self.manifest.target_spm)
            )
            self._max_positions = _max_positions(self.model_dir, self.manifest.family)
        except (RuntimeError, OSError, ValueError) as exc:
            self._translator = None
            raise ModelError(
                f"model {self.model_id} in {self.model_dir} does not load: {exc}"
            ) from exc

    # -- framing per model family ------------------------------------------------------
    def _source_tokens(self, text: str) -> list[str]:
        pieces: list[str] = self._sp_source.encode(text, out_type=str)
        family = self.manifest.family
        if family == "nllb":
            return [self.manifest.lang_codes[self.manifest.source], *pieces, "</s>"]
        if family == "m2m100":
            return [f"__{self.manifest.source}__", *pieces, "</s>"]
        return [*pieces, "</s>"]

    def _target_prefix(self, target: str) -> list[str] | None:
        family = self.manifest.family
        if family == "nllb":
            return [self.manifest.lang_codes[target]]
        if family == "m2m100":
            return [f"__{target}__"]
        return None

    def count_tokens(self, text: str) -> int:
        self.load()
        return len(self._sp_source.encode(text)) + 1

    def translate(
        self,
        texts: Sequence[str],
        target: str,
        options: TranslateOptions,
        progress: Callable[[int], None] | None = None,
    ) -> list[Hypothesis]:
        if target not in self.manifest.targets:
            raise ModelError(f"model {self.model_id} does not translate into {target!r}")
        self.load()
        tokens = [self._source_tokens(t) for t in texts]
        prefix = self._target_prefix(target)
        # Sort by length so each batch has little padding; results go back to input order.
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        results: list[Hypothesis | None] = [None] * len(tokens)
        batch: list[int] = []
        batch_tokens = 0
        for index in [*order, -1]:
            size = len(tokens[index]) if index >= 0 else 0
            flush = index < 0 or (batch and (batch_tokens + size) > options.max_batch_tokens)
            if flush and batch:
                self._translate_batch(tokens, batch, prefix, options, results)
                if progress is not None:
                    progress(len(batch))
                batch, batch_tokens = [], 0
            if index >= 0:
                batch.append(index)
                batch_tokens += size
        return [r for r in results if r is not None]

    def _translate_batch(
        self,
        tokens: list[list[str]],
        batch: list[int],
        prefix: list[str] | None,
        options: TranslateOptions,
        results: list[Hypothesis | None],
    ) -> None:
        source = [tokens[i] for i in batch]
        longest = max(len(s) for s in source)
        # Past its position table the model cannot decode (CTranslate2 raises), so stop there.
        room = self._max_positions - 2 - len(prefix or ())
        max_length = min(int(longest * options.max_length_ratio) + 10, room)
        outputs = self._translator.translate_batch(
            source,
            target_prefix=[prefix] * len(source) if prefix else None,
            beam_size=options.beam_size,
            length_penalty=options.length_penalty,
            repetition_penalty=options.repetition_penalty,
            max_decoding_length=max_length,
            max_input_length=self._max_positions,
            return_scores=True,
            num_hypotheses=max(1, min(options.n_best, options.beam_size)),
        )
        for index, output in zip(batch, outputs, strict=True):
            hyps = [
                self._hypothesis(pieces, score, prefix, max_length, options)
                for pieces, score in zip(output.hypotheses, output.scores, strict=True)
            ]
            results[index] = replace(hyps[0], alternatives=tuple(hyps[1:]))

    def _hypothesis(
        self,
        pieces: list[str],
        score: float,
        prefix: list[str] | None,
        max_length: int,
        options: TranslateOptions,
    ) -> Hypothesis:
        if prefix:
            pieces = pieces[len(prefix) :]
        text = self._sp_target.decode(pieces)
        n_tokens = len(pieces) + 1  # with </s>
        # CTranslate2 returns the score divided by length ** length_penalty.
        cumulative = float(score) * n_tokens**options.length_penalty
        return Hypothesis(text, cumulative, n_tokens, len(pieces) >= max_length)


DEFAULT_MAX_POSITIONS = 512
_FAMILY_MAX_POSITIONS = {"nllb": 1024, "m2m100": 1024}


def _max_positions(model_dir: Path, family: str) -> int:
    """Positions the model has embeddings for: from the exported HF config when there is one,
    else the family's usual table size (Marian: 512)."""
    try:
        config = json.loads((model_dir / HF_CONFIG_NAME).read_text(encoding="utf-8"))
        return int(config["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return _FAMILY_MAX_POSITIONS.get(family, DEFAULT_MAX_POSITIONS)
