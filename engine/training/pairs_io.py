"""Read approved translation pairs for fine-tuning: TSV, xlsx (two columns) or TMX."""

from __future__ import annotations

import csv
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.training.corpus import Pair, read_parallel


def _tsv_pairs(path: Path) -> list[Pair]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if len(r) >= 2]
    return [(r[0], r[1]) for r in rows]


def _xlsx_pairs(path: Path, src: str, tgt: str) -> list[Pair]:
    from polyshelf.catalog.registry import open_reader

    with open_reader(path) as reader:
        sheet = reader.sheet_names()[0]
        header = [h.strip().casefold() for h in reader.header(sheet)]
        wanted = {src.casefold(), "source"}, {tgt.casefold(), "target"}
        try:
            i = next(k for k, h in enumerate(header) if h in wanted[0])
            j = next(k for k, h in enumerate(header) if h in wanted[1])
        except StopIteration:
            i, j = 0, 1
        return [
            (str(row.values[i]), str(row.values[j]))
            for row in reader.rows(sheet)
            if isinstance(row.values[i], str) and isinstance(row.values[j], str)
        ]


def _tmx_pairs(path: Path, src: str, tgt: str) -> list[Pair]:
    from polyshelf.tmx import read_tmx

    return [(u.source, u.target) for u in read_tmx(path, src, tgt)]


def read_pairs(paths: list[Path], src: str, tgt: str) -> list[Pair]:
    """Pairs from .tsv / .xlsx / .tmx files, or from `X.src` + `X.tgt` parallel text files."""
    pairs: list[Pair] = []
    pending = list(paths)
    while pending:
        path = pending.pop(0)
        if not path.is_file():
            raise InputError(f"file not found: {path}")
        name = path.name.removesuffix(".gz")
        suffix = Path(name).suffix.lower()
        if suffix == ".tsv":
            pairs += _tsv_pairs(path)
        elif suffix in (".xlsx", ".xlsm"):
            pairs += _xlsx_pairs(path, src, tgt)
        elif suffix == ".tmx":
            pairs += _tmx_pairs(path, src, tgt)
        elif suffix == f".{src}":
            partner = path.with_name(path.name.replace(f".{src}", f".{tgt}", 1))
            if partner in pending:
                pending.remove(partner)
            pairs += read_parallel(path, partner)
        elif suffix == f".{tgt}":
            partner = path.with_name(path.name.replace(f".{tgt}", f".{src}", 1))
            if partner in pending:
                pending.remove(partner)
            pairs += read_parallel(partner, path)
        else:
            raise InputError(
                f"{path.name}: use .tsv, .xlsx, .tmx or parallel files ending in .{src}/.{tgt}"
            )
    if not pairs:
        raise InputError("no translation pairs found in " + ", ".join(str(p) for p in paths))
    return pairs
