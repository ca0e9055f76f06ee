"""CTranslate2 backend: SentencePiece in, CTranslate2 beam search, SentencePiece out."""

from __future__ import annotations

import ctypes
import json
import os
import sys
from collections import deque
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


# CTranslate2 loads cuBLAS only when it first runs on the GPU, and its wheels are built against
# one CUDA major version (4.x: CUDA 12). A machine with only another CUDA's libraries has a GPU
# that CTranslate2 counts but cannot use.
CUBLAS_BY_CT2_MAJOR = {3: "libcublas.so.11", 4: "libcublas.so.12"}


def missing_cuda_library() -> str | None:
    """The cuBLAS library CTranslate2 will load on CUDA, if it cannot be loaded here."""
    if not sys.platform.startswith("linux"):
        return None
    import ctranslate2

    name = CUBLAS_BY_CT2_MAJOR.get(int(ctranslate2.__version__.split(".")[0]))
    if name is None:
        return None
    try:
        ctypes.CDLL(name)
    except OSError:
        return name
    return None


def cuda_problem() -> str | None:
    """Why CTranslate2 cannot translate on CUDA here, or None when it can."""
    if cuda_device_count() == 0:
        return "CTranslate2 sees no CUDA device"
    missing = missing_cuda_library()
    if missing is not None:
        return (
            f"CTranslate2 sees a CUDA device but cannot load {missing} "
            "(install that CUDA version's cuBLAS or add its folder to LD_LIBRARY_PATH)"
        )
    return None


def choose_device(device: str, compute_type: str | None) -> tuple[str, str]:
    if device not in DEVICES:
        raise ConfigError(f"unknown device {device!r}; use one of {', '.join(DEVICES)}")
    if device == "auto":
        device = "cuda" if cuda_problem() is None else "cpu"
    elif device == "cuda" and (problem := cuda_problem()) is not None:
        raise ConfigError(f"device 'cuda' requested but {problem}")
    allowed = CUDA_COMPUTE_TYPES if device == "cuda" else CPU_COMPUTE_TYPES
    if compute_type is None:
        compute_type = "float16" if device == "cuda" else "int8"
    if compute_type not in allowed:
        raise ConfigError(
            f"compute type {compute_type!r} is not available on {device}; use {', '.join(allowed)}"
        )
    return device, compute_type


MAX_DEFAULT_CPU_WORKERS = 8


def thread_layout(device: str, threads: int) -> tuple[int, int]:
    """(inter_threads, intra_threads): batches decoded side by side, threads inside each.

    On CPU, one single-threaded batch per core: these small models on sentence batches
    parallelise poorly inside one batch (2 cores: 58 segments/s with 2 threads in one batch,
    272 with a batch per core; BENCHMARKS.md). On CUDA, one batch at a time on the GPU.
    """
    if device == "cuda":
        return 1, threads
    workers = threads or min(_usable_cores(), MAX_DEFAULT_CPU_WORKERS)
    return max(1, workers), 1


def _usable_cores() -> int:
    if hasattr(os, "sched_getaffinity"):  # Linux: the cores this process may run on
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


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
        self._workers, self._intra_threads = thread_layout(self.device, threads)
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
                inter_threads=self._workers,
                intra_threads=self._intra_threads,
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
        results: list[Hypothesis | None] = [None] * len(tokens)
        # Batches go to the translator's workers a few ahead, so every core has one while the
        # oldest is collected; results go back to input order.
        pending: deque[tuple[list[int], int, list[Any]]] = deque()
        for batch in _length_sorted_batches(tokens, options):
            pending.append(self._submit_batch(tokens, batch, prefix, options))
            if len(pending) > 2 * self._workers:
                self._collect_batch(pending.popleft(), prefix, options, results, progress)
        while pending:
            self._collect_batch(pending.popleft(), prefix, options, results, progress)
        return [r for r in results if r is not None]

    def _submit_batch(
        self,
        tokens: list[list[str]],
        batch: list[int],
        prefix: list[str] | None,
        options: TranslateOptions,
    ) -> tuple[list[int], int, list[Any]]:
        source = [tokens[i] for i in batch]
        longest = max(len(s) for s in source)
        # Past its position table the model cannot decode (CTranslate2 raises), so stop there.
        room = self._max_positions - 2 - len(prefix or ())
        max_length = min(int(longest * options.max_length_ratio) + 10, room)
        futures = self._translator.translate_batch(
            source,
            target_prefix=[prefix] * len(source) if prefix else None,
            beam_size=options.beam_size,
            length_penalty=options.length_penalty,
            repetition_penalty=options.repetition_penalty,
            max_decoding_length=max_length,
            max_input_length=self._max_positions,
            return_scores=True,
            num_hypotheses=max(1, min(options.n_best, options.beam_size)),
            asynchronous=True,
        )
        return batch, max_length, futures

    def _collect_batch(
        self,
        submitted: tuple[list[int], int, list[Any]],
        prefix: list[str] | None,
        options: TranslateOptions,
        results: list[Hypothesis | None],
        progress: Callable[[int], None] | None,
    ) -> None:
        batch, max_length, futures = submitted
        for index, future in zip(batch, futures, strict=True):
            output = future.result()
            hyps = [
                self._hypothesis(pieces, score, prefix, max_length, options)
                for pieces, score in zip(output.hypotheses, output.scores, strict=True)
            ]
            results[index] = replace(hyps[0], alternatives=tuple(hyps[1:]))
        if progress is not None:
            progress(len(batch))

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


def _length_sorted_batches(tokens: list[list[str]], options: TranslateOptions) -> list[list[int]]:
    """Indexes grouped into batches of similar length (little padding), within the limits."""
    order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
    batches: list[list[int]] = []
    batch: list[int] = []
    batch_tokens = 0
    for index in order:
        size = len(tokens[index])
        full = (
            batch_tokens + size > options.max_batch_tokens
            or 0 < options.max_batch_examples <= len(batch)
        )
        if batch and full:
            batches.append(batch)
            batch, batch_tokens = [], 0
        batch.append(index)
        batch_tokens += size
    if batch:
        batches.append(batch)
    return batches


def _max_positions(model_dir: Path, family: str) -> int:
    """Positions the model has embeddings for: from the exported HF config when there is one,
    else the family's usual table size (Marian: 512)."""
    try:
        config = json.loads((model_dir / HF_CONFIG_NAME).read_text(encoding="utf-8"))
        return int(config["max_position_embeddings"])
    except (OSError, ValueError, KeyError, TypeError):
        return _FAMILY_MAX_POSITIONS.get(family, DEFAULT_MAX_POSITIONS)
