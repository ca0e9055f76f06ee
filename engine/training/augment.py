"""Teach the model to copy placeholder tokens.

At run time the segmenter replaces numbers, codes, tags and product names by `⟦N⟧` tokens. A
model only copies such tokens if it saw them in training, so some training pairs get the tokens
that occur identically on both sides (numbers, codes, names in capitals) replaced by
placeholders, in source order, exactly as the segmenter would do.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from polyshelf.segment.placeholders import token_for
from polyshelf.training.corpus import Pair

_SHARED_TOKEN_RE = re.compile(
    r"(?<![\w.])(?:\d+(?:[.,/]\d+)*|[A-ZÅÄÖÜÉ][A-ZÅÄÖÜÉ0-9-]{1,}|\w*\d\w*)(?![\w])"
)


def _shared_tokens(src: str, tgt: str) -> list[str]:
    src_tokens = _SHARED_TOKEN_RE.findall(src)
    tgt_tokens = set(_SHARED_TOKEN_RE.findall(tgt))
    seen: list[str] = []
    for token in src_tokens:
        if token in tgt_tokens and token not in seen and src_tokens.count(token) == 1:
            seen.append(token)
    return seen


def _replace_once(text: str, token: str, replacement: str) -> str:
    pattern = re.compile(rf"(?<![\w.]){re.escape(token)}(?!\w)")
    return pattern.sub(replacement, text, count=1)


def with_placeholders(pair: Pair) -> Pair | None:
    """The pair with shared tokens turned into placeholders, or None if it has none."""
    src, tgt = pair
    tokens = _shared_tokens(src, tgt)
    if not tokens:
        return None
    for index, token in enumerate(tokens[:16]):
        ph = token_for(index)
        src, tgt = _replace_once(src, token, ph), _replace_once(tgt, token, ph)
    return src, tgt


def augment_pairs(pairs: Iterable[Pair], rate: float = 0.5, seed: int = 1) -> list[Pair]:
    """Original pairs plus, for a `rate` share of those with shared tokens, a placeholder copy."""
    rng = random.Random(seed)
    out: list[Pair] = []
    for pair in pairs:
        out.append(pair)
        if rng.random() < rate:
            augmented = with_placeholders(pair)
            if augmented is not None:
                out.append(augmented)
    return out
