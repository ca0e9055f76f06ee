"""Token-budget batches of encoded sentence pairs (sorted by length, shuffled per epoch)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

EncodedPair = tuple[list[int], list[int]]


def make_batches(pairs: Sequence[EncodedPair], max_tokens: int, seed: int) -> list[list[int]]:
    """Index lists whose padded size (rows x longest side) stays within max_tokens."""
    rng = random.Random(seed)
    order = sorted(
        range(len(pairs)), key=lambda i: (len(pairs[i][0]), len(pairs[i][1]), rng.random())
    )
    batches: list[list[int]] = []
    current: list[int] = []
    longest = 0
    for index in order:
        src, tgt = pairs[index]
        length = max(len(src), len(tgt)) + 1
        if current and max(longest, length) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(index)
        longest = max(longest, length)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(pairs: Sequence[EncodedPair], indices: Sequence[int], pad_id: int, eos_id: int) -> Any:
    """Tensors for one Marian step.

    Source + </s>; decoder input <pad> + target; labels target + </s> (-100 is ignored).
    """
    import torch

    srcs = [pairs[i][0] + [eos_id] for i in indices]
    tgts = [pairs[i][1] for i in indices]
    src_len = max(len(s) for s in srcs)
    tgt_len = max(len(t) for t in tgts) + 1
    input_ids = torch.full((len(indices), src_len), pad_id, dtype=torch.long)
    attention = torch.zeros((len(indices), src_len), dtype=torch.long)
    decoder_in = torch.full((len(indices), tgt_len), pad_id, dtype=torch.long)
    labels = torch.full((len(indices), tgt_len), -100, dtype=torch.long)
    for row, (src, tgt) in enumerate(zip(srcs, tgts, strict=True)):
        input_ids[row, : len(src)] = torch.tensor(src)
        attention[row, : len(src)] = 1
        decoder_in[row, 1 : len(tgt) + 1] = torch.tensor(tgt, dtype=torch.long)
        labels[row, : len(tgt)] = torch.tensor(tgt, dtype=torch.long)
        labels[row, len(tgt)] = eos_id
    return input_ids, attention, decoder_in, labels
