"""Catalog (IKEA-style) training data without a good model: split, length-align, filter, dedupe.

Product lines are Moses-tokenized, several sentences long, and the target often translates only
part of the source. The catalog stage of `make models` used to align sentences with the base
model's translations; a weak base model makes that alignment noisy, and repeated care lines
("Wipe clean with a damp cloth") then dominate the data and get hallucinated everywhere. Here:

1. detokenize, unglue headings and run-on sentences, split with pysbd;
2. align each product's sentences by Gale–Church length-based dynamic programming (1-1, 1-2, 2-1,
   1-0, 0-1 beads) plus cheap anchors that need no model: shared numbers (and a penalty when they
   disagree), identical tokens (product names in capitals, units, codes) and a Dice lexicon
   learned from product-level co-occurrence in the training lines themselves;
3. keep only confident links, filter (length ratio, numbers, near-empty), keep each source
   sentence once (its most frequent translation), each target at most twice, and cap the share of
   care-instruction boilerplate.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from polyshelf.training.corpus import Pair, filter_pairs

_LOWER = "a-zäöüßéèàâçêëîïôûùœæ"
_UPPER = "A-ZÄÖÜÉÈÀÂÇÊÎÔÛ"
# `TableWipe clean` -> heading `Table` + sentence; `Cushion coverMachine wash` likewise.
_GLUED_HEADING_RE = re.compile(rf"(?<=[{_LOWER}])(?=[{_UPPER}][{_LOWER}])")
# `Do not wash.Do not bleach.` -> two sentences.
_RUN_ON_RE = re.compile(rf"(?<=[{_LOWER}\)])([.;!?])(?=[{_UPPER}])")
_WORD_RE = re.compile(rf"[{_LOWER}{_UPPER}0-9°][{_LOWER}{_UPPER}0-9°'’-]*")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)?")
_CAPS_RE = re.compile(rf"\b[{_UPPER}]{{2,}}[{_UPPER}0-9-]*\b")
CARE_RE = re.compile(
    r"\b(?:wash|bleach|tumble|dry[- ]clean|iron(?:ing)?|wipe|cloth|detergent|soap|"
    r"wasch|wäsche|bleich|trockner|bügel|reinig|tuch|spülmittel|seife|"
    r"lav(?:er|age)|chlor|sèche|repass|nettoy|chiffon|essuy|savon)",
    re.IGNORECASE,
)

# Gale & Church (1993) bead priors; skips are made likelier since catalog targets often
# translate only part of a product text.
_PRIORS = {(1, 1): 0.80, (1, 0): 0.05, (0, 1): 0.05, (2, 1): 0.05, (1, 2): 0.05}
_VARIANCE = 6.8


@dataclass
class CatalogStats:
    products: int = 0
    src_sentences: int = 0
    tgt_sentences: int = 0
    links: int = 0
    confident: int = 0
    counts: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        extra = ", ".join(f"{k} {v}" for k, v in self.counts.items())
        return (
            f"{self.products} products, {self.src_sentences}/{self.tgt_sentences} sentences, "
            f"{self.links} links, {self.confident} confident; {extra}"
        )


def split_product(line: str, lang: str) -> list[str]:
    """Sentences of one detokenized product line (headings become their own segments)."""
    import pysbd

    segmenter = _segmenter(lang, pysbd)
    line = _RUN_ON_RE.sub(r"\1 ", line)
    out: list[str] = []
    for chunk in _GLUED_HEADING_RE.split(line):
        for sentence in segmenter.segment(chunk):
            sentence = sentence.strip().lstrip("·・•*–- ").strip()
            if len(sentence) > 1:
                out.append(sentence)
    return out


_SEGMENTERS: dict[str, object] = {}


def _segmenter(lang: str, pysbd: object) -> object:
    if lang not in _SEGMENTERS:
        _SEGMENTERS[lang] = pysbd.Segmenter(language=lang, clean=False)  # type: ignore[attr-defined]
    return _SEGMENTERS[lang]


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD_RE.findall(text) if len(w) >= 3}


def learn_lexicon(
    src_lines: Sequence[Sequence[str]],
    tgt_lines: Sequence[Sequence[str]],
    min_count: int = 4,
    min_dice: float = 0.3,
) -> dict[str, set[str]]:
    """Word translations by Dice co-occurrence over products (no model needed)."""
    src_sets = [set().union(*(_words(s) for s in sents)) if sents else set() for sents in src_lines]
    tgt_sets = [set().union(*(_words(s) for s in sents)) if sents else set() for sents in tgt_lines]
    src_freq: Counter[str] = Counter(w for ws in src_sets for w in ws)
    tgt_freq: Counter[str] = Counter(w for ws in tgt_sets for w in ws)
    pair_freq: Counter[tuple[str, str]] = Counter()
    for ws, wt in zip(src_sets, tgt_sets, strict=True):
        ws = {w for w in ws if src_freq[w] >= min_count}
        wt = {w for w in wt if tgt_freq[w] >= min_count}
        pair_freq.update((a, b) for a in ws for b in wt)
    lexicon: dict[str, set[str]] = defaultdict(set)
    for (a, b), n in pair_freq.items():
        if n >= min_count and 2 * n / (src_freq[a] + tgt_freq[b]) >= min_dice:
            lexicon[a].add(b)
    return dict(lexicon)


def _anchor_score(src: str, tgt: str, lexicon: dict[str, set[str]]) -> float:
    """Positive for evidence that src and tgt are translations, negative against it."""
    score = 0.0
    src_nums, tgt_nums = Counter(_NUMBER_RE.findall(src)), Counter(_NUMBER_RE.findall(tgt))
    shared_nums = sum((src_nums & tgt_nums).values())
    score += 2.0 * min(3, shared_nums)
    score -= 2.0 * min(3, sum(((src_nums | tgt_nums) - (src_nums & tgt_nums)).values()))
    caps = set(_CAPS_RE.findall(src)) & set(_CAPS_RE.findall(tgt))
    score += 2.0 * min(2, len(caps))
    ws, wt = _words(src), _words(tgt)
    if ws and wt:
        identical = {w for w in ws & wt if len(w) >= 4 and not w.isdigit()}
        score += 1.0 * min(2, len(identical))
        covered_src = sum(1 for w in ws if w in wt or lexicon.get(w, set()) & wt)
        covered_tgt = sum(1 for w in wt if w in ws or any(w in lexicon.get(a, ()) for a in ws))
        coverage = 0.5 * (covered_src / len(ws) + covered_tgt / len(wt))
        score += 8.0 * coverage - 2.0
    return score


def _length_cost(ls: int, lt: int, ratio: float) -> float:
    mean = (ls + lt / ratio) / 2
    if mean <= 0:
        return 0.0
    delta = (lt / ratio - ls) / math.sqrt(_VARIANCE * mean)
    # Two-sided tail probability of a standard normal.
    p = max(1e-12, math.erfc(abs(delta) / math.sqrt(2)))
    return -math.log(p)


def align_sentences(
    src: Sequence[str], tgt: Sequence[str], ratio: float, lexicon: dict[str, set[str]]
) -> list[tuple[str, str, float]]:
    """Gale–Church beads with anchors; returns (src, tgt, confidence) for 1-1/1-2/2-1 links.

    Confidence is the anchor evidence less the length cost: higher is better.
    """
    n, m = len(src), len(tgt)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = cost[i][j]
            if here == inf:
                continue
            for (di, dj), prior in _PRIORS.items():
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                step = -math.log(prior)
                confidence = 0.0
                if di and dj:
                    s, t = " ".join(src[i:ni]), " ".join(tgt[j:nj])
                    confidence = _anchor_score(s, t, lexicon) - _length_cost(len(s), len(t), ratio)
                    step -= confidence
                else:
                    step += 3.0  # a skip costs about as much as a weak link
                if here + step < cost[ni][nj]:
                    cost[ni][nj] = here + step
                    back[ni][nj] = (di, dj, confidence)
    links: list[tuple[str, str, float]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        bead = back[i][j]
        assert bead is not None
        di, dj, confidence = bead
        if di and dj:
            links.append((" ".join(src[i - di : i]), " ".join(tgt[j - dj : j]), confidence))
        i, j = i - di, j - dj
    links.reverse()
    return links


def is_care_line(text: str) -> bool:
    return bool(CARE_RE.search(text))


def dedupe_pairs(
    pairs: Sequence[Pair],
    *,
    max_per_target: int = 2,
    care_share: float | None = 0.15,
    seed: int = 1,
) -> tuple[list[Pair], dict[str, int]]:
    """One pair per distinct source (its most frequent target); cap targets and care lines."""
    by_src: dict[str, Counter[str]] = defaultdict(Counter)
    order: list[str] = []
    for s, t in pairs:
        key = " ".join(s.lower().split())
        if key not in by_src:
            order.append(key)
        by_src[key][t] += 1
    first_src: dict[str, str] = {}
    for s, _ in pairs:
        first_src.setdefault(" ".join(s.lower().split()), s)
    target_uses: Counter[str] = Counter()
    out: list[Pair] = []
    dropped_target = 0
    for key in order:
        tgt = by_src[key].most_common(1)[0][0]
        if target_uses[tgt] >= max_per_target:
            dropped_target += 1
            continue
        target_uses[tgt] += 1
        out.append((first_src[key], tgt))
    counts = {"distinct-source": len(order), "target-capped": dropped_target}
    if care_share is not None:
        care = [p for p in out if is_care_line(p[0])]
        other = [p for p in out if not is_care_line(p[0])]
        limit = int(care_share * len(other) / max(1e-9, 1 - care_share))
        if len(care) > limit:
            random.Random(seed).shuffle(care)
            counts["care-capped"] = len(care) - limit
            care = care[:limit]
        keep = {id(p) for p in care} | {id(p) for p in other}
        out = [p for p in out if id(p) in keep]
        counts["care-kept"] = len(care)
    return out, counts


def length_ratio(src_lines: Sequence[str], tgt_lines: Sequence[str]) -> float:
    return max(1, sum(len(t) for t in tgt_lines)) / max(1, sum(len(s) for s in src_lines))


def prepare_catalog_pairs(
    src_lines: Sequence[str],
    tgt_lines: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    *,
    lexicon: dict[str, set[str]] | None = None,
    ratio: float | None = None,
    min_confidence: float = 0.0,
    dedupe: bool = True,
    care_share: float | None = 0.15,
) -> tuple[list[Pair], CatalogStats, dict[str, set[str]], float]:
    """Sentence pairs from detokenized product lines (see the module doc).

    Pass the training split's `lexicon` and `ratio` when preparing val, so that val is aligned
    with knowledge from train only.
    """
    stats = CatalogStats(products=len(src_lines))
    src_split = [split_product(line, src_lang) for line in src_lines]
    tgt_split = [split_product(line, tgt_lang) for line in tgt_lines]
    stats.src_sentences = sum(map(len, src_split))
    stats.tgt_sentences = sum(map(len, tgt_split))
    if lexicon is None:
        lexicon = learn_lexicon(src_split, tgt_split)
    if ratio is None:
        ratio = length_ratio(src_lines, tgt_lines)
    raw: list[Pair] = []
    for src, tgt in zip(src_split, tgt_split, strict=True):
        if not src or not tgt:
            continue
        for s, t, confidence in align_sentences(src, tgt, ratio, lexicon):
            stats.links += 1
            if confidence >= min_confidence:
                raw.append((s, t))
    stats.confident = len(raw)
    filtered, fstats = filter_pairs(raw, max_ratio=2.0, dedupe=False)
    stats.counts.update({f"filter-{k}": v for k, v in fstats.dropped.items()})
    if dedupe:
        filtered, counts = dedupe_pairs(filtered, care_share=care_share)
        stats.counts.update(counts)
    stats.counts["kept"] = len(filtered)
    return filtered, stats, lexicon, ratio
