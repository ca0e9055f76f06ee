"""Parallel training data: reading, detokenizing and filtering sentence pairs."""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from polyshelf.errors import InputError

Pair = tuple[str, str]
_DIGITS_RE = re.compile(r"\d+")


def read_lines(path: Path) -> list[str]:
    """Lines of a text file, gzip-compressed or not, without their line ends."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as handle:
        return [line.rstrip("\r\n") for line in handle]


def read_parallel(src_path: Path, tgt_path: Path) -> list[Pair]:
    src, tgt = read_lines(src_path), read_lines(tgt_path)
    if len(src) != len(tgt):
        raise InputError(
            f"{src_path} has {len(src)} lines but {tgt_path} has {len(tgt)}: not a parallel pair"
        )
    return list(zip(src, tgt, strict=True))


def detokenize(lines: Sequence[str], lang: str) -> list[str]:
    """Undo Moses tokenization (`tape .` -> `tape.`, `l ' idéal` -> `l'idéal`)."""
    from sacremoses import MosesDetokenizer

    detok = MosesDetokenizer(lang=lang)
    out = []
    for line in lines:
        # The corpus spaces elision apostrophes, straight and typographic (`l ' idéal`,
        # `l ’ abri`, `it ’ s`); Moses leaves them so.
        line = re.sub(r"(\w) +(['’]) +(\w)", r"\1\2\3", line)
        out.append(detok.detokenize(line.split()))
    return out


@dataclass
class FilterStats:
    total: int = 0
    kept: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def drop(self, reason: str) -> None:
        self.dropped[reason] = self.dropped.get(reason, 0) + 1

    def summary(self) -> str:
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.dropped.items())) or "none"
        return f"kept {self.kept} of {self.total} pairs (dropped: {reasons})"


def numbers_agree(src: str, tgt: str) -> bool:
    return sorted(_DIGITS_RE.findall(src)) == sorted(_DIGITS_RE.findall(tgt))


def filter_pairs(
    pairs: Iterable[Pair],
    *,
    min_chars: int = 2,
    max_ratio: float = 2.5,
    max_chars: int = 600,
    check_numbers: bool = True,
    dedupe: bool = True,
) -> tuple[list[Pair], FilterStats]:
    """Drop pairs that would teach the model wrong things, counting each reason."""
    stats = FilterStats()
    kept: list[Pair] = []
    seen: set[Pair] = set()
    for src, tgt in pairs:
        stats.total += 1
        src, tgt = src.strip(), tgt.strip()
        if len(src) < min_chars or len(tgt) < min_chars:
            stats.drop("near-empty")
            continue
        if len(src) > max_chars or len(tgt) > max_chars:
            stats.drop("too-long")
            continue
        ratio = max(len(src), len(tgt)) / max(1, min(len(src), len(tgt)))
        if ratio > max_ratio and max(len(src), len(tgt)) > 12:
            stats.drop("length-mismatch")
            continue
        if check_numbers and not numbers_agree(src, tgt):
            stats.drop("numbers-disagree")
            continue
        if dedupe:
            if (src, tgt) in seen:
                stats.drop("duplicate")
                continue
            seen.add((src, tgt))
        kept.append((src, tgt))
    stats.kept = len(kept)
    return kept, stats
