"""Score a model directory on sentence pairs through the serving path (CTranslate2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from polyshelf.metrics import Score, corpus_score, tokenized_lowercase_bleu
from polyshelf.models.manifest import ModelManifest
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend
from polyshelf.training.corpus import Pair


@dataclass(frozen=True)
class EvalResult:
    bleu: Score
    chrf: Score
    ter: Score
    bleu_tok_lc: Score
    n: int
    hypotheses: tuple[str, ...]

    def as_dict(self) -> dict[str, object]:
        return {
            "n": self.n,
            "bleu": self.bleu.value,
            "chrf": self.chrf.value,
            "ter": self.ter.value,
            "bleu_tok_lc": self.bleu_tok_lc.value,
            "signatures": {
                "bleu": self.bleu.signature,
                "chrf": self.chrf.signature,
                "ter": self.ter.signature,
                "bleu_tok_lc": self.bleu_tok_lc.signature,
            },
        }


def score_hypotheses(hypotheses: Sequence[str], references: Sequence[str]) -> EvalResult:
    return EvalResult(
        bleu=corpus_score("bleu", hypotheses, references),
        chrf=corpus_score("chrf", hypotheses, references),
        ter=corpus_score("ter", hypotheses, references),
        bleu_tok_lc=tokenized_lowercase_bleu(hypotheses, references),
        n=len(hypotheses),
        hypotheses=tuple(hypotheses),
    )


def translate_lines(
    backend: CTranslate2Backend, lines: Sequence[str], target: str, beam_size: int = 4
) -> list[str]:
    options = TranslateOptions(beam_size=beam_size, max_batch_tokens=4096)
    return [h.text for h in backend.translate(lines, target, options)]


def evaluate_model_dir(
    model_dir: Path,
    manifest: ModelManifest,
    pairs: Sequence[Pair],
    *,
    beam_size: int = 4,
    compute_type: str | None = None,
    device: str = "cpu",
) -> EvalResult:
    backend = CTranslate2Backend(manifest, model_dir, device=device, compute_type=compute_type)
    hyps = translate_lines(backend, [p[0] for p in pairs], manifest.targets[0], beam_size)
    return score_hypotheses(hyps, [p[1] for p in pairs])
