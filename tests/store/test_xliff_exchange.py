"""Review items out to XLIFF and a translator's work back in (issue 5)."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from polyshelf.cli.main import main
from polyshelf.errors import InputError
from polyshelf.interchange.registry import read_bilingual, write_bilingual
from polyshelf.issues import Issue, Severity
from polyshelf.store.db import Store, open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory
from polyshelf.store.xliff_exchange import export_job, import_job

JOB = "spring-catalog.xlsx"
CELLS = [
    (
        "Products!KX-200!Title",
        "Waterproof hiking boots",
        "Wasserdichte Wanderstiefel",
        "needs_review",
    ),
    (
        "Products!KX-200!Description",
        "<p>Full-grain <b>leather</b> upper &amp; Vibram&#174; sole.</p>",
        "<p>Obermaterial aus <b>Vollnarbenleder</b> &amp; Vibram&#174;-Sohle.</p>",
        "needs_review",
    ),
    ("Products!KX-201!Title", "Merino wool socks, 2-pack", "Merinowollsocken, 2er-Pack", "draft"),
    ("Products!KX-202!Title", "Trekking poles", "Trekkingstöcke", "auto_approved"),
]


def _record(queue: ReviewQueue, locale: str = "de-DE", job: str = JOB) -> None:
    issue = Issue("glossary.term_missing", Severity.WARNING, "use 'Wanderschuhe'")
    for unit_key, source, target, state in CELLS:
        queue.upsert_from_run(
            job,
            unit_key,
            locale,
            source,
            target,
            "en-de@2",
            -0.4,
            [issue] if unit_key.endswith("KX-200!Title") else [],
            state,
            src_lang="en",
        )


def _dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: [tuple(row) for row in store.query(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("review_items", "review_history", "tm_entries")
    }


def _with_targets(path: Path, version: str, **targets: str) -> None:
    """Change unit targets the way a CAT tool would: read, edit, write back."""
    doc = read_bilingual(path)
    units = [
        dataclasses.replace(u, target=targets[u.id]) if u.id in targets else u for u in doc.units
    ]
    write_bilingual(path, dataclasses.replace(doc, units=units), version)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_unchanged_file_round_trips_without_any_change(
    queue: ReviewQueue, store: Store, tmp_path: Path, version: str
) -> None:
    _record(queue)
    queue.approve(queue.list(state="auto_approved")[0].id, "ann", comment="fine as is")
    before = _dump(store)
    path = tmp_path / "job.xlf"
    assert export_job(queue, path, job_key=JOB, locale="de-DE", version=version) == 4
    result = import_job(queue, path, "translator")
    assert (result.updated, result.unchanged, result.skipped, result.errors) == (0, 4, (), ())
    assert _dump(store) == before
    doc = read_bilingual(path)
    assert [u.id for u in doc.units] == [c[0] for c in CELLS]
    assert [(u.source, u.target) for u in doc.units] == [(c[1], c[2]) for c in CELLS]
    assert (doc.original, doc.src_lang, doc.tgt_lang) == (JOB, "en", "de-DE")


def test_export_carries_context_state_and_checks(queue: ReviewQueue, tmp_path: Path) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, locale="de", states=["needs_review"])
    doc = read_bilingual(path)
    assert [u.state for u in doc.units] == ["needs_review", "needs_review"]
    context = dict(doc.units[0].context)
    assert (context["job"], context["sheet"], context["row"], context["column"]) == (
        JOB,
        "Products",
        "KX-200",
        "Title",
    )
    assert "glossary.term_missing (warning): use 'Wanderschuhe'" in doc.units[0].note
    text = path.read_text("utf-8")
    assert '<pc id="1"' in text and "Vollnarbenleder" in text  # inline markup as codes


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_edited_target_is_approved_with_history_and_tm(
    queue: ReviewQueue, tm: TranslationMemory, tmp_path: Path, version: str
) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, job_key=JOB, locale="de-DE", version=version)
    new_text = "<p>Obermaterial aus <b>Vollnarbenleder</b> &amp; Vibram&#174;-Laufsohle.</p>"
    _with_targets(path, version, **{"Products!KX-200!Description": new_text})
    result = import_job(queue, path, "mara")
    assert (result.updated, result.unchanged) == (1, 3)
    item = queue.find(JOB, "Products!KX-200!Description", "de-DE")
    assert item is not None
    assert (item.state, item.target, item.human_edited, item.updated_by) == (
        "approved",
        new_text,
        True,
        "mara",
    )
    last = queue.history(item.id)[-1]
    assert (last.action, last.who, last.old_state, last.new_target) == (
        "edit",
        "mara",
        "needs_review",
        new_text,
    )
    entry = tm.exact(CELLS[1][1], "en", "de-DE")
    assert entry is not None and entry.target == new_text
    untouched = queue.find(JOB, "Products!KX-201!Title", "de-DE")
    assert untouched is not None and untouched.state == "draft"


def test_segment_confirmed_in_cat_tool_is_approved(queue: ReviewQueue, tmp_path: Path) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, locale="de-DE")
    text = path.read_text("utf-8")
    # The translator confirms the first segment only: memoQ/Trados write state="final".
    first = text.index('<segment state="translated">')
    path.write_text(text[:first] + text[first:].replace('"translated"', '"final"', 1), "utf-8")
    result = import_job(queue, path, "mara")
    assert (result.updated, result.unchanged) == (1, 3)
    item = queue.find(JOB, CELLS[0][0], "de-DE")
    assert item is not None
    assert (item.state, item.target, item.human_edited) == ("approved", CELLS[0][2], False)
    assert queue.history(item.id)[-1].action == "approve"


def test_changed_source_and_project_edits_are_not_overwritten(
    queue: ReviewQueue, tmp_path: Path
) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, locale="de-DE", version="1.2")
    _with_targets(
        path,
        "1.2",
        **{
            "Products!KX-200!Title": "Wasserdichte Wanderschuhe",
            "Products!KX-201!Title": "Merino-Socken, 2er-Pack",
        },
    )
    # Since the export: the catalog's KX-200 title changed, a reviewer edited KX-201 in the
    # app, and another reviewer edited KX-202, whose unit the translator left alone.
    queue.upsert_from_run(
        JOB,
        "Products!KX-200!Title",
        "de-DE",
        "Waterproof hiking boots, men",
        "Wasserdichte Wanderstiefel, Herren",
        "en-de@2",
        -0.3,
        [],
        "needs_review",
        src_lang="en",
    )
    queue.edit(queue.list(state="draft")[0].id, "ann", "Merinosocken (2 Paar)")
    kx202 = queue.list(state="auto_approved")[0]
    queue.edit(kx202.id, "ann", "Trekkingstöcke aus Carbon")
    result = import_job(queue, path, "mara")
    assert result.updated == 0 and result.unchanged == 2
    reasons = {p.unit_id: p.reason for p in result.skipped}
    assert "source text changed" in reasons["Products!KX-200!Title"]
    assert "changed in the project" in reasons["Products!KX-201!Title"]
    kx201 = queue.find(JOB, "Products!KX-201!Title", "de-DE")
    assert kx201 is not None and kx201.target == "Merinosocken (2 Paar)"
    assert queue.get(kx202.id).target == "Trekkingstöcke aus Carbon"


def test_unknown_units_and_emptied_targets_are_reported(
    queue: ReviewQueue, store: Store, tmp_path: Path
) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, locale="de-DE")
    doc = read_bilingual(path)
    units = [
        dataclasses.replace(doc.units[0], target=""),
        dataclasses.replace(doc.units[1], id="Products!KX-999!Title"),
        *doc.units[2:],
    ]
    write_bilingual(path, dataclasses.replace(doc, units=units))
    before = _dump(store)
    result = import_job(queue, path, "mara")
    assert [p.unit_id for p in result.errors] == ["Products!KX-200!Title", "Products!KX-999!Title"]
    assert "empty" in result.errors[0].reason
    assert result.unchanged == 2
    assert _dump(store) == before


def test_same_unit_key_in_two_jobs_and_locale_checks(queue: ReviewQueue, tmp_path: Path) -> None:
    _record(queue)
    _record(queue, job="summer-catalog.xlsx")
    _record(queue, locale="de-AT")
    path = tmp_path / "all.xlf"
    with pytest.raises(InputError, match="several locales"):
        export_job(queue, path, locale="de")
    assert export_job(queue, path, locale="de-DE") == 8
    ids = [u.id for u in read_bilingual(path).units]
    assert "summer-catalog.xlsx!Products!KX-200!Title" in ids
    result = import_job(queue, path, "mara")
    assert (result.unchanged, result.errors) == (8, ())
    with pytest.raises(InputError, match="no review items"):
        export_job(queue, path, locale="fr-FR")


def test_cli_export_import_round_trip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "userdata"))
    with open_store(tmp_path) as store:
        _record(ReviewQueue(store))
        _record(ReviewQueue(store), locale="fr-FR")
    out = tmp_path / "spring_de.xliff"
    args = ["--project", str(tmp_path), "review"]
    assert main([*args, "export", str(out)]) == 2
    assert "add --locale" in capsys.readouterr().err
    assert main([*args, "export", str(out), "--locale", "de-DE", "--xliff-version", "1.2"]) == 0
    assert "4 review items written" in capsys.readouterr().out
    assert 'version="1.2"' in out.read_text("utf-8")
    assert main([*args, "import", str(out), "--by", "mara"]) == 0
    assert capsys.readouterr().out.strip() == "0 updated, 4 unchanged, 0 skipped"
    _with_targets(out, "1.2", **{"Products!KX-202!Title": "Trekkingstöcke (Paar)"})
    assert main([*args, "import", str(out), "--by", "mara"]) == 0
    assert capsys.readouterr().out.strip() == "1 updated, 3 unchanged, 0 skipped"
    with open_store(tmp_path) as store:
        item = ReviewQueue(store).find(JOB, "Products!KX-202!Title", "de-DE")
    assert item is not None and (item.state, item.updated_by) == ("approved", "mara")
    bad = tmp_path / "notes.xlf"
    bad.write_text("<html/>", "utf-8")
    assert main([*args, "import", str(bad)]) == 2
    assert "not an XLIFF file" in capsys.readouterr().err


def test_store_transaction_rolls_back_whole_import(queue: ReviewQueue, tmp_path: Path) -> None:
    _record(queue)
    path = tmp_path / "job.xlf"
    export_job(queue, path, locale="de-DE")
    _with_targets(path, "2.1", **{c[0]: c[2] + " (geprüft)" for c in CELLS})
    calls = 0
    original_edit = queue.edit

    def failing_edit(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise sqlite3.OperationalError("disk I/O error")
        return original_edit(*args, **kwargs)  # type: ignore[arg-type]

    queue.edit = failing_edit  # type: ignore[method-assign]
    with pytest.raises(sqlite3.OperationalError):
        import_job(queue, path, "mara")
    assert all(item.state != "approved" for item in queue.list())
