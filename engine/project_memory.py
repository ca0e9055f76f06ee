"""The job's view of the project store: TM lookups before MT, review items after it.

A run reuses what it can (approved cells from the review queue, exact TM matches for
segments) and records what it did: every MT segment goes into the TM as a machine entry, so an
unchanged catalog needs no MT at all next time, and every cell gets a review item routed by the
project's policy. Writes go in chunks so a reviewer working at the same time is never locked
out for long.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from polyshelf.issues import Issue
from polyshelf.mt.segments import SegmentTranslation
from polyshelf.segment.segment import Segment
from polyshelf.source_cells import SourceCell
from polyshelf.store.db import Store, open_store
from polyshelf.store.quality import sentence_scores
from polyshelf.store.review import APPROVED, MACHINE_STATES, ReviewItem, ReviewQueue
from polyshelf.store.review_model import CheckNote
from polyshelf.store.routing import RoutingPolicy
from polyshelf.store.tm import TranslationMemory, normalize, normalize_lang

WRITE_CHUNK = 500
TM_MODEL_ID = "tm"


class CellResult(Protocol):
    text: str
    issues: list[Issue]
    score: float | None
    model_id: str
    method: str


class ProjectMemory:
    def __init__(self, store: Store, job_key: str, source_lang: str, policy: RoutingPolicy):
        self.store = store
        self.job_key = job_key
        self.source_lang = source_lang
        self.policy = policy
        self.tm = TranslationMemory(store)
        self.queue = ReviewQueue(store)

    @classmethod
    def open(cls, project_dir: Path, job_key: str, source_lang: str) -> ProjectMemory:
        return cls(open_store(project_dir), job_key, source_lang, RoutingPolicy.load(project_dir))

    def close(self) -> None:
        self.store.close()

    def _items(self, locale: str) -> list[ReviewItem]:
        wanted = normalize_lang(locale)
        return [
            item
            for item in self.queue.list(locale=locale, job_key=self.job_key)
            if item.locale == wanted
        ]

    def approved_cells(self, locale: str) -> dict[str, ReviewItem]:
        """Cells a person approved (or edited), by unit key: the run reuses their text."""
        return {item.unit_key: item for item in self._items(locale) if item.state == APPROVED}

    def suppressed(self, locale: str) -> dict[str, dict[str, str]]:
        """Checks suppressed per cell (unit key → rule id → reason)."""
        return {item.unit_key: item.suppressed for item in self._items(locale) if item.suppressed}

    def tm_lookup(
        self, segments: Sequence[Segment], locale: str
    ) -> dict[Segment, SegmentTranslation]:
        found: dict[Segment, SegmentTranslation] = {}
        wanted = normalize_lang(locale)
        for segment in segments:
            match = self.tm.exact(segment.source, self.source_lang, locale)
            # Machine output was rendered for its own market (terms, units, numbers): a de
            # entry may serve de-CH only when a person wrote or imported it.
            if match is not None and (match.entry.origin != "mt" or match.entry.tgt_lang == wanted):
                found[segment] = SegmentTranslation(
                    match.target, match.entry.quality, TM_MODEL_ID, "tm"
                )
        return found

    def remember(self, locale: str, pairs: Sequence[tuple[Segment, SegmentTranslation]]) -> None:
        """Machine translations into the TM (a person's entries are never overwritten)."""
        for start in range(0, len(pairs), WRITE_CHUNK):
            with self.store.transaction():
                for segment, result in pairs[start : start + WRITE_CHUNK]:
                    if segment.source.strip() and result.text.strip():
                        self.tm.add(
                            segment.source,
                            result.text,
                            self.source_lang,
                            locale,
                            origin="mt",
                            quality=result.score,
                            context=result.model_id,
                        )

    def record_cells(
        self,
        locale: str,
        cells: Sequence[SourceCell],
        results: Mapping[str, CellResult],
    ) -> dict[str, tuple[str, str]]:
        """Review items for every cell; returns unit key → (state, text to export)."""
        stored = {item.unit_key: item for item in self._items(locale)}
        outcome: dict[str, tuple[str, str]] = {}
        for start in range(0, len(cells), WRITE_CHUNK):
            with self.store.transaction():
                for cell in cells[start : start + WRITE_CHUNK]:
                    result = results[cell.key]
                    previous = stored.get(cell.key)
                    evidence = _evidence(result, previous, cell.text)
                    state, _ = self.policy.route(
                        evidence.score,
                        [check.rule_id for check in evidence.checks],
                        previous.suppressed if previous else {},
                        method=evidence.method,
                        src_lang=self.source_lang,
                        tgt_lang=locale,
                    )
                    reference = cell.reference(locale)
                    bleu, chrf = (
                        sentence_scores(result.text, reference) if reference else (None, None)
                    )
                    item = self.queue.upsert_from_run(
                        self.job_key,
                        cell.key,
                        locale,
                        cell.text,
                        result.text,
                        evidence.model_id,
                        evidence.score,
                        evidence.checks,
                        state,
                        src_lang=self.source_lang,
                        sentence_bleu=bleu,
                        sentence_chrf=chrf,
                    )
                    outcome[cell.key] = (item.state, item.target)
        return outcome

    def counts(self) -> dict[str, int]:
        return dict(sorted(self.queue.counts_by_state(self.job_key).items()))


@dataclass(frozen=True)
class _Evidence:
    score: float | None
    checks: Sequence[Issue | CheckNote]
    model_id: str
    method: str


def _evidence(result: CellResult, previous: ReviewItem | None, source: str) -> _Evidence:
    """What routing judges a cell by.

    An unchanged rerun gets the stored translation back from the TM, without the model score
    and the MT checks (fallback, repetition...) of the run that produced it; routing that on
    its own would quietly move items out of review. So a machine item whose source and target
    are unchanged keeps the score and checks it was stored with.
    """
    if (
        previous is not None
        and previous.state in MACHINE_STATES
        and not previous.human_edited
        and previous.target == result.text
        and normalize(previous.source) == normalize(source)
    ):
        return _Evidence(previous.score, previous.checks, previous.model_id, "rerun")
    active = [issue for issue in result.issues if not issue.fixed]
    return _Evidence(result.score, active, result.model_id, result.method)
