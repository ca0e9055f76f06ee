"""Review items out to XLIFF for a CAT tool (memoQ, Trados) and the translator's work back in.

One file per target locale; one unit per review item. The unit id is the item's ``unit_key``
(qualified as ``job!unit_key`` only where two exported jobs share a key); the unit's context
names the job, sheet, row and column, plus a ``revision``: the review state and a short hash of
the target as exported. On import the revision tells apart what the translator changed from what
changed in the project meanwhile, so an unchanged file changes nothing at all, and a project
edit made after the export is never overwritten by the stale text in the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.interchange.registry import read_bilingual, write_bilingual
from polyshelf.interchange.units import BilingualDocument, BilingualUnit
from polyshelf.store.review import ReviewQueue
from polyshelf.store.review_model import APPROVED, ReviewItem, normalize_state
from polyshelf.store.tm import normalize, normalize_lang

JOB_CONTEXT = "job"
REVISION_CONTEXT = "revision"


@dataclass(frozen=True)
class ImportProblem:
    """A unit the import did not apply, and why."""

    unit_id: str
    reason: str


@dataclass(frozen=True)
class ImportResult:
    updated: int
    unchanged: int
    skipped: tuple[ImportProblem, ...]  # the catalog or the project changed since the export
    errors: tuple[ImportProblem, ...]  # unknown units, empty translations, refused changes


def export_job(
    queue: ReviewQueue,
    path: Path,
    *,
    job_key: str | None = None,
    locale: str,
    states: Iterable[str] | None = None,
    version: str = "2.1",
    src_lang: str = "",
) -> int:
    """Write the matching review items of one target locale as XLIFF; returns the unit count.

    ``locale`` may be a language (``de``) when the queue holds only one of its locales.
    ``src_lang`` is used only for items that were recorded without a source language.
    """
    wanted = {normalize_state(s) for s in states} if states is not None else None
    items = [
        item
        for item in queue.list(locale=locale, job_key=job_key)
        if wanted is None or item.state in wanted
    ]
    if not items:
        raise InputError(f"no review items to export for locale {locale}")
    locales = sorted({item.locale for item in items})
    if len(locales) > 1:
        raise InputError(
            f"review items for several locales ({', '.join(locales)}); "
            "export one locale per XLIFF file"
        )
    source_langs = sorted({item.src_lang or normalize_lang(src_lang or "und") for item in items})
    if len(source_langs) > 1:
        raise InputError(f"review items with several source languages: {', '.join(source_langs)}")
    jobs = sorted({item.job_key for item in items})
    comments = _last_comments(queue, {item.id for item in items})
    shared_keys = _keys_in_several_jobs(items)
    units = [
        BilingualUnit(
            id=f"{item.job_key}!{item.unit_key}" if item.unit_key in shared_keys else item.unit_key,
            source=item.source,
            target=item.target,
            src_lang=source_langs[0],
            tgt_lang=locales[0],
            state=item.state,
            note=_note(item, comments.get(item.id)),
            context=_context(item),
        )
        for item in items
    ]
    original = job_key or (jobs[0] if len(jobs) == 1 else "")
    doc = BilingualDocument(source_langs[0], locales[0], units, original)
    write_bilingual(Path(path), doc, version)
    return len(units)


def import_job(queue: ReviewQueue, path: Path, who: str) -> ImportResult:
    """Apply a translator's XLIFF to the review queue, in one transaction.

    A changed target becomes an edit (approved, by ``who``); a segment only confirmed in the CAT
    tool (state reviewed/final/signed-off) is approved; an untouched unit changes nothing.
    """
    doc = read_bilingual(Path(path))
    locale = normalize_lang(doc.tgt_lang)
    updated = unchanged = 0
    skipped: list[ImportProblem] = []
    errors: list[ImportProblem] = []
    with queue.store.transaction():
        for unit in doc.units:
            item = _find_item(queue, unit, doc.original, locale)
            if item is None:
                errors.append(ImportProblem(unit.id, f"no review item for {locale}"))
                continue
            outcome = _apply(queue, item, unit, who)
            if outcome == "updated":
                updated += 1
            elif outcome == "unchanged":
                unchanged += 1
            elif outcome.startswith("error: "):
                errors.append(ImportProblem(unit.id, outcome.removeprefix("error: ")))
            else:
                skipped.append(ImportProblem(unit.id, outcome))
    return ImportResult(updated, unchanged, tuple(skipped), tuple(errors))


# --- export --------------------------------------------------------------------------------


def revision(state: str, target: str) -> str:
    """The revision written with a unit: its review state and a short hash of its target."""
    return f"{state}:{_text_hash(target)}"


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _context(item: ReviewItem) -> tuple[tuple[str, str], ...]:
    context = [(JOB_CONTEXT, item.job_key)]
    parts = item.unit_key.split("!")
    if len(parts) >= 3:
        context += [("sheet", parts[0]), ("row", "!".join(parts[1:-1])), ("column", parts[-1])]
    context.append((REVISION_CONTEXT, revision(item.state, item.target)))
    return tuple(context)


def _note(item: ReviewItem, comment: str | None) -> str:
    lines = []
    for check in item.active_checks:
        severity = f" ({check.severity})" if check.severity else ""
        message = f": {check.message}" if check.message else ""
        lines.append(f"{check.rule_id}{severity}{message}")
    if comment:
        lines.append(f"comment: {comment}")
    return "\n".join(lines)


def _last_comments(queue: ReviewQueue, item_ids: set[int]) -> dict[int, str]:
    comments: dict[int, str] = {}
    rows = queue.store.iterate(
        "SELECT item_id, who, comment FROM review_history "
        "WHERE comment IS NOT NULL AND comment != '' ORDER BY id"
    )
    for row in rows:
        if row["item_id"] in item_ids:
            comments[row["item_id"]] = f"{row['who']}: {row['comment']}"
    return comments


def _keys_in_several_jobs(items: list[ReviewItem]) -> set[str]:
    jobs_by_key: dict[str, set[str]] = {}
    for item in items:
        jobs_by_key.setdefault(item.unit_key, set()).add(item.job_key)
    return {key for key, jobs in jobs_by_key.items() if len(jobs) > 1}


# --- import --------------------------------------------------------------------------------


def _find_item(
    queue: ReviewQueue, unit: BilingualUnit, original: str, locale: str
) -> ReviewItem | None:
    job_key = dict(unit.context).get(JOB_CONTEXT) or original
    item = queue.find(job_key, unit.id, locale)
    if item is None and unit.id.startswith(f"{job_key}!"):
        item = queue.find(job_key, unit.id.removeprefix(f"{job_key}!"), locale)
    return item


def _apply(queue: ReviewQueue, item: ReviewItem, unit: BilingualUnit, who: str) -> str:
    """'updated', 'unchanged', a reason the unit was skipped, or 'error: ' and a reason."""
    if normalize(unit.source) != normalize(item.source):
        return "the source text changed in the catalog since the export"
    exported_state, exported_hash = _exported(unit, item)
    target_edited = _text_hash(unit.target) != exported_hash
    confirmed = unit.state == APPROVED and exported_state != APPROVED
    if not target_edited and not confirmed:
        return "unchanged"
    if item.target == unit.target and item.state == APPROVED:
        return "unchanged"  # the project already holds this very result
    project_changed = item.state != exported_state or _text_hash(item.target) != exported_hash
    if project_changed:
        return "the item was changed in the project since the export"
    try:
        if target_edited:
            queue.edit(item.id, who, unit.target, comment="imported from XLIFF")
        else:
            queue.approve(item.id, who, comment="confirmed in XLIFF")
    except InputError as exc:
        return f"error: {exc}"
    return "updated"


def _exported(unit: BilingualUnit, item: ReviewItem) -> tuple[str, str]:
    """The state and target hash the unit was exported with.

    A file without our revision (from another tool) counts as exported from the item as it
    stands now, so only what differs from the project is applied.
    """
    kept = dict(unit.context).get(REVISION_CONTEXT, "")
    state, _, text_hash = kept.rpartition(":")
    if state and text_hash:
        return state, text_hash
    return item.state, _text_hash(item.target)
