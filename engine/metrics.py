"""Corpus and sentence scores via sacreBLEU, each stored with its signature."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Score:
    metric: str
    value: float
    signature: str


def _metric(name: str, tokenize: str | None = None, lowercase: bool = False):
    import sacrebleu

    if name == "bleu":
        kwargs = {"lowercase": lowercase}
        if tokenize:
            kwargs["tokenize"] = tokenize
        return sacrebleu.BLEU(**kwargs)
    if name == "chrf":
        return sacrebleu.CHRF()
    if name == "ter":
        return sacrebleu.TER()
    raise ValueError(f"unknown metric {name!r}")


METRICS = ("bleu", "chrf", "ter")


def corpus_score(
    name: str, hypotheses: Sequence[str], references: Sequence[str], **options: object
) -> Score:
    metric = _metric(name, **options)  # type: ignore[arg-type]
    result = metric.corpus_score(list(hypotheses), [list(references)])
    return Score(name, round(float(result.score), 2), str(metric.get_signature()))


def tokenized_lowercase_bleu(hypotheses: Sequence[str], references: Sequence[str]) -> Score:
    """BLEU as papers on Multi30K report it: tokenized (13a) and lower-cased."""
    score = corpus_score("bleu", hypotheses, references, tokenize="13a", lowercase=True)
    return Score("bleu-tok-lc", score.value, score.signature)


def sentence_score(name: str, hypothesis: str, reference: str) -> float:
    metric = _metric(name)
    return float(metric.sentence_score(hypothesis, [reference]).score)
