from __future__ import annotations

import pytest

from polyshelf.errors import InputError
from polyshelf.issues import Issue, Severity
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory

JOB = "catalog-2024-spring.xlsx"
UNIT = "SKU=KX-200!Description#1"


def _run(queue: ReviewQueue, source: str, target: str, state: str = "needs_review", **kw):
    return queue.upsert_from_run(
        JOB,
        UNIT,
        "de-DE",
        source,
        target,
        "en-de@2",
        -0.8,
        kw.pop("checks", []),
        state,
        src_lang="en",
        **kw,
    )


def test_new_item_keeps_routed_state_and_checks(queue: ReviewQueue) -> None:
    issue = Issue("placeholder.mismatch", Severity.ERROR, "{count} is missing")
    item = _run(queue, "Holds {count} cups", "Fasst Tassen", checks=[issue, "glossary.term"])
    assert item.state == "needs_review"
    assert item.mt_target == item.target == "Fasst Tassen"
    assert [c.rule_id for c in item.checks] == ["placeholder.mismatch", "glossary.term"]
    assert item.checks[0].message == "{count} is missing"
    assert queue.find(JOB, UNIT, "de_DE") == item
    assert [h.action for h in queue.history(item.id)] == ["created"]


def test_mt_state_alias_and_run_cannot_approve(queue: ReviewQueue) -> None:
    assert _run(queue, "Red scarf", "Roter Schal", state="mt").state == "draft"
    with pytest.raises(InputError, match="run can only set"):
        _run(queue, "Red scarf", "Roter Schal", state="approved")


def test_approve_writes_tm_in_same_transaction(queue: ReviewQueue, tm: TranslationMemory) -> None:
    item = _run(queue, "Machine-washable wool blend", "Maschinenwaschbare Wollmischung")
    approved = queue.approve(item.id, "ann", comment="ok")
    assert (approved.state, approved.updated_by) == ("approved", "ann")
    entry = tm.exact("Machine-washable wool blend", "en", "de-DE")
    assert entry is not None
    assert (entry.target, entry.entry.origin) == ("Maschinenwaschbare Wollmischung", "approved")
    assert queue.approved_target(JOB, UNIT, "de-DE") == "Maschinenwaschbare Wollmischung"


def test_edit_approves_and_records_history(queue: ReviewQueue, tm: TranslationMemory) -> None:
    item = _run(queue, "Non-slip sole", "Nicht-Rutsch-Sohle")
    edited = queue.edit(item.id, "ben", "Rutschfeste Sohle", comment="terminology")
    assert (edited.state, edited.target, edited.mt_target) == (
        "approved",
        "Rutschfeste Sohle",
        "Nicht-Rutsch-Sohle",
    )
    assert edited.human_edited
    last = queue.history(item.id)[-1]
    assert (last.who, last.action, last.old_state, last.new_state) == (
        "ben",
        "edit",
        "needs_review",
        "approved",
    )
    assert (last.old_target, last.new_target, last.comment) == (
        "Nicht-Rutsch-Sohle",
        "Rutschfeste Sohle",
        "terminology",
    )
    assert tm.exact("Non-slip sole", "en", "de-DE").target == "Rutschfeste Sohle"  # type: ignore[union-attr]


def test_edit_keep_state_does_not_approve(queue: ReviewQueue, tm: TranslationMemory) -> None:
    item = _run(queue, "Dishwasher safe", "Spülmaschine sicher")
    edited = queue.edit(item.id, "ben", "Spülmaschinenfest", keep_state=True)
    assert edited.state == "needs_review"
    assert tm.exact("Dishwasher safe", "en", "de-DE") is None
    assert queue.approved_target(JOB, UNIT, "de-DE") is None


def test_illegal_transitions(queue: ReviewQueue) -> None:
    item = _run(queue, "Pack of 3", "3er-Pack")
    queue.approve(item.id, "ann")
    with pytest.raises(InputError, match="cannot become approved"):
        queue.approve(item.id, "ann")
    queue.reject(item.id, "ann", "wrong pack size")
    with pytest.raises(InputError, match="cannot become rejected"):
        queue.reject(item.id, "ann", "again")
    with pytest.raises(InputError, match="comment"):
        queue.reject(item.id, "ann", " ")
    with pytest.raises(InputError, match="no review item 999"):
        queue.approve(999, "ann")
    with pytest.raises(InputError, match="empty"):
        queue.edit(item.id, "ann", "  ")


def test_reject_drops_mt_entry_from_tm(queue: ReviewQueue, tm: TranslationMemory) -> None:
    item = _run(queue, "Fits most cars", "Passt die meisten Autos")
    tm.add("Fits most cars", "Passt die meisten Autos", "en", "de-DE", origin="mt")
    queue.reject(item.id, "ann", "grammar")
    assert tm.exact("Fits most cars", "en", "de-DE") is None


def test_rerun_with_same_source_keeps_human_text(queue: ReviewQueue) -> None:
    item = _run(queue, "Quick-dry fabric", "Schnell trocknender Stoff")
    queue.edit(item.id, "ann", "Schnelltrocknendes Gewebe")
    again = _run(queue, "Quick-dry  fabric", "Schnell trocknender Stoff", state="draft")
    assert (again.state, again.target) == ("approved", "Schnelltrocknendes Gewebe")
    assert len(queue.history(item.id)) == 2  # created, edit: the rerun changed nothing


def test_rerun_updates_machine_item(queue: ReviewQueue) -> None:
    item = _run(queue, "Quick-dry fabric", "Schnell trocknender Stoff")
    same = _run(queue, "Quick-dry fabric", "Schnell trocknender Stoff")
    assert len(queue.history(item.id)) == 1
    better = _run(queue, "Quick-dry fabric", "Schnelltrocknender Stoff", state="draft")
    assert (same.state, better.state, better.target) == (
        "needs_review",
        "draft",
        "Schnelltrocknender Stoff",
    )
    assert queue.history(item.id)[-1].action == "rerun"


def test_source_change_after_approval_needs_rewriting(queue: ReviewQueue) -> None:
    item = _run(queue, "Battery life: 10 hours", "Akkulaufzeit: 10 Stunden")
    queue.approve(item.id, "ann")
    changed = _run(queue, "Battery life: 12 hours", "Akkulaufzeit: 12 Stunden", state="draft")
    assert changed.state == "needs_rewriting"
    assert changed.target == "Akkulaufzeit: 12 Stunden"
    last = queue.history(item.id)[-1]
    assert (last.action, last.old_target, last.old_state) == (
        "source_changed",
        "Akkulaufzeit: 10 Stunden",
        "approved",
    )
    assert "Battery life: 10 hours" in (last.comment or "")
    assert queue.approved_target(JOB, UNIT, "de-DE") is None
    # the new translation can then be approved
    assert queue.approve(item.id, "ann").state == "approved"


def test_source_change_of_machine_item_takes_routed_state(queue: ReviewQueue) -> None:
    _run(queue, "Colour: red", "Farbe: Rot", state="draft")
    changed = _run(queue, "Colour: blue", "Farbe: Blau", state="auto_approved")
    assert (changed.state, changed.source) == ("auto_approved", "Colour: blue")


def test_approved_target_checks_source(queue: ReviewQueue) -> None:
    item = _run(queue, "Gift wrap available", "Geschenkverpackung erhältlich")
    queue.approve(item.id, "ann")
    assert queue.approved_target(JOB, UNIT, "de-DE", source="Gift wrap available")
    assert queue.approved_target(JOB, UNIT, "de-DE", source="Gift wrap included") is None


def test_suppress_keeps_reason_across_runs(queue: ReviewQueue) -> None:
    item = _run(queue, "Model KX-200", "Modell KX-200", checks=["mt-untranslated", "length"])
    suppressed = queue.suppress(item.id, "mt-untranslated", "model names stay English", "ann")
    assert suppressed.suppressed == {"mt-untranslated": "model names stay English"}
    assert [c.rule_id for c in suppressed.active_checks] == ["length"]
    again = _run(queue, "Model KX-200", "Modell KX-200", checks=["mt-untranslated"])
    assert again.suppressed == {"mt-untranslated": "model names stay English"}
    with pytest.raises(InputError, match="reason"):
        queue.suppress(item.id, "length", "", "ann")


def test_list_counts_and_filters(queue: ReviewQueue) -> None:
    for n, (locale, state) in enumerate(
        [("de-DE", "needs_review"), ("de-AT", "draft"), ("fr", "needs_review")]
    ):
        queue.upsert_from_run(
            JOB,
            f"Products!R{n + 2}!Title#1",
            locale,
            f"Item {n}",
            f"Artikel {n}",
            "m",
            None,
            [],
            state,
        )
    assert len(queue.list(state="needs_review")) == 2
    assert {i.locale for i in queue.list(locale="de")} == {"de-DE", "de-AT"}
    assert len(queue.list(limit=1)) == 1
    assert queue.counts_by_state() == {"needs_review": 2, "draft": 1}
    assert queue.counts_by_state(job_key="other") == {}
    with pytest.raises(InputError, match="unknown review state"):
        queue.list(state="done")


def test_item_without_src_lang_still_approves(queue: ReviewQueue, tm: TranslationMemory) -> None:
    item = queue.upsert_from_run(JOB, UNIT, "fr", "Blue", "Bleu", "m", -0.3, [], "needs_review")
    assert queue.approve(item.id, "ann").state == "approved"
    assert tm.count() == 0
