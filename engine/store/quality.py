"""Quality record of one translated segment, and corpus scores for a set of them.

Sentence BLEU uses sacreBLEU's effective order (no zero score for a short segment that lacks a
matching 4-gram); both sentence scores are None when there is no reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from polyshelf.errors import InputError
from polyshelf.issues import Issue
from polyshelf.metrics import Score, corpus_score


@dataclass(frozen=True)
class QualityRecord:
    score: float | None  # length-normalized model log-probability; None without a model
    length_ratio: float  # target characters / source characters
    issue_ids: tuple[str, ...]
    sentence_bleu: float | None = None
    sentence_chrf: float | None = None


def quality_record(
    source: str,
    target: str,
    score: float | None,
    issues: Sequence[Issue],
    reference: str | None = None,
) -> QualityRecord:
    bleu = chrf = None
    if reference is not None and reference.strip():
        bleu, chrf = sentence_scores(target, reference)
    return QualityRecord(
        score=score,
        length_ratio=round(len(target.strip()) / max(1, len(source.strip())), 3),
        issue_ids=tuple(dict.fromkeys(issue.rule_id for issue in issues)),
        sentence_bleu=bleu,
        sentence_chrf=chrf,
    )


def sentence_scores(hypothesis: str, reference: str) -> tuple[float, float]:
    """(BLEU with effective order, chrF) of one segment, 0-100, two decimals."""
    import sacrebleu

    bleu = sacrebleu.BLEU(effective_order=True).sentence_score(hypothesis, [reference])
    chrf = sacrebleu.CHRF().sentence_score(hypothesis, [reference])
    return round(float(bleu.score), 2), round(float(chrf.score), 2)


def corpus_scores(hyps: Sequence[str], refs: Sequence[str]) -> dict[str, Score]:
    """Corpus BLEU and chrF, each with its sacreBLEU signature."""
    if len(hyps) != len(refs):
        raise InputError(f"{len(hyps)} translations but {len(refs)} references")
    if not hyps:
        raise InputError("no segments with a reference to score")
    return {name: corpus_score(name, hyps, refs) for name in ("bleu", "chrf")}
