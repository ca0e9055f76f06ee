"""Approved review items as training pairs: the review → fine-tuning feedback loop.

``polyshelf finetune --from-review`` trains on these pairs and leaves the pairs it held back for
evaluation in the new model's folder (:data:`HELDOUT_FILE`), so ``polyshelf eval --from-review``
can later score base and new model on text the new model never saw.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output
from polyshelf.store.db import open_store, store_path
from polyshelf.store.review import ReviewQueue
from polyshelf.store.review_model import APPROVED

HELDOUT_FILE = "heldout.tsv"

Pair = tuple[str, str]


def approved_pairs(
    queue: ReviewQueue,
    source: str,
    target: str,
    *,
    job_key: str | None = None,
    locale: str | None = None,
) -> list[Pair]:
    """(source, target) of every approved item translating ``source`` into ``target``.

    Languages match on their leading subtags: a ``de`` model takes ``de-DE`` and ``de-AT``
    items. Items recorded without a source language are left out (their pair is unknown).
    """
    items = queue.list(state=APPROVED, locale=locale or target, job_key=job_key)
    return [
        (item.source, item.target)
        for item in items
        if _same_language(item.src_lang, source) and _same_language(item.locale, target)
    ]


def project_approved_pairs(
    project_dir: Path,
    source: str,
    target: str,
    *,
    job_key: str | None = None,
    locale: str | None = None,
) -> list[Pair]:
    """:func:`approved_pairs` from the project's store; InputError when there are none."""
    if not store_path(project_dir).is_file():
        raise InputError(f"no project store in {project_dir}; run `polyshelf translate` first")
    with open_store(project_dir) as store:
        pairs = approved_pairs(ReviewQueue(store), source, target, job_key=job_key, locale=locale)
    if not pairs:
        scope = f" of job {job_key}" if job_key else ""
        raise InputError(f"no approved review items{scope} for {source}→{locale or target}")
    return pairs


def write_pairs_tsv(path: Path, pairs: Sequence[Pair]) -> None:
    """Pairs as a two-column TSV (quoted where a cell holds a tab or a line break)."""
    with atomic_output(path) as temp, temp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerows(pairs)


def _same_language(code: str, wanted: str) -> bool:
    code, wanted = code.casefold(), wanted.casefold().replace("_", "-")
    return bool(code) and (code == wanted or code.startswith(wanted + "-"))
