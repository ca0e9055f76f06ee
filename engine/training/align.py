"""Sentence-align noisy product-level parallel text (IKEA-style catalog lines).

A product line holds several sentences and the target often translates only some of them, and
section headings are glued to the next sentence (`TableWipe clean`). We split both sides into
sentences, translate the source sentences with an existing model, and align monotonically by
chrF between that translation and each target sentence (bleualign's idea): 1-1, 2-1 and 1-2
links, unmatched sentences skipped. Only links scoring above a threshold are kept.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from polyshelf.training.corpus import Pair

LENGTH_PENALTY = 25.0
_GLUED_HEADING_RE = re.compile(r"(?<=[a-zäöüßéèàçêëïôû])(?=[A-ZÄÖÜÉÈ][a-zäöüßéèàçêëïôû])")
_SENTENCE_END_RE = re.compile(r"(?<=[.!?;])\s+(?=[\"'«„(]?[A-ZÄÖÜÉÈÀÇ0-9])")


def split_sentences(line: str) -> list[str]:
    line = _GLUED_HEADING_RE.sub(". ", line)
    parts = [p.strip() for p in _SENTENCE_END_RE.split(line)]
    return [p for p in parts if len(p) > 1]


def _chrf() -> Callable[[str, str], float]:
    """chrF of the translation against a candidate, less a penalty for unlike lengths.

    A weak first model gives low chrF even for true pairs; the length term keeps it from linking
    a short sentence with a long one that happens to share words.
    """
    from sacrebleu.metrics import CHRF

    metric = CHRF()

    def score(hyp: str, ref: str) -> float:
        chrf = float(metric.sentence_score(hyp, [ref]).score)
        return chrf - LENGTH_PENALTY * abs(math.log(max(1, len(hyp)) / max(1, len(ref))))

    return score


def align_product(
    mt: Sequence[str],
    src: Sequence[str],
    tgt: Sequence[str],
    score: Callable[[str, str], float],
    threshold: float,
) -> list[Pair]:
    n, m = len(src), len(tgt)
    neg = float("-inf")
    best = [[neg] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if best[i][j] == neg:
                continue
            base = best[i][j]
            moves: list[tuple[int, int, float]] = [(1, 0, 0.0), (0, 1, 0.0)]
            if i < n and j < m:
                moves.append((1, 1, score(mt[i], tgt[j])))
            if i + 1 < n and j < m:
                moves.append((2, 1, score(mt[i] + " " + mt[i + 1], tgt[j])))
            if i < n and j + 1 < m:
                moves.append((1, 2, score(mt[i], tgt[j] + " " + tgt[j + 1])))
            for di, dj, gain in moves:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                # Links below the threshold are worth no more than skipping.
                value = base + (gain - threshold if di and dj else 0.0)
                if value > best[ni][nj]:
                    best[ni][nj] = value
                    back[ni][nj] = (di, dj, gain)
    pairs: list[Pair] = []
    i, j = n, m
    while (i, j) != (0, 0):
        step = back[i][j]
        assert step is not None
        di, dj, gain = step
        if di and dj and gain >= threshold:
            pairs.append((" ".join(src[i - di : i]), " ".join(tgt[j - dj : j])))
        i, j = i - di, j - dj
    pairs.reverse()
    return pairs


def align_corpus(
    src_lines: Sequence[str],
    tgt_lines: Sequence[str],
    translate: Callable[[list[str]], list[str]],
    threshold: float = 15.0,
) -> list[Pair]:
    """Sentence pairs from product-level lines; `translate` maps source sentences to target."""
    src_split = [split_sentences(line) for line in src_lines]
    tgt_split = [split_sentences(line) for line in tgt_lines]
    flat = [s for sentences in src_split for s in sentences]
    translations = translate(flat)
    score = _chrf()
    pairs: list[Pair] = []
    cursor = 0
    for src, tgt in zip(src_split, tgt_split, strict=True):
        mt = translations[cursor : cursor + len(src)]
        cursor += len(src)
        if src and tgt:
            pairs.extend(align_product(mt, src, tgt, score, threshold))
    return pairs
