"""The catalog job end to end with a fake MT backend: cells kept, columns added, text safe."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import openpyxl
import pytest

import tests.fakes as fakes
from polyshelf.catalog.registry import open_reader
from polyshelf.errors import ConfigError, InputError, ModelError
from polyshelf.job import JobSpec, run_job
from polyshelf.settings import Settings
from polyshelf.verify import digit_multiset, kept_digits
from tests.conftest import SAMPLE_XLSX

TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def tags(text: str) -> Counter[str]:
    return Counter(m.group(0).split()[0].rstrip(">").lower() for m in TAG_RE.finditer(text))


def digits(text: str) -> list[str]:
    return sorted(re.findall(r"\d", text))


def read_all(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    with open_reader(path) as reader:
        return {
            s: (reader.header(s), [r.values for r in reader.rows(s)]) for s in reader.sheet_names()
        }


def run(settings: Settings, src: Path, out: Path, **kw: object) -> object:
    spec = JobSpec(input_path=src, output_path=out, targets=("de", "fr"), **kw)  # type: ignore[arg-type]
    return run_job(spec, settings)


def test_sample_catalog_keeps_every_cell_and_adds_locale_columns(
    settings: Settings, project: Path
) -> None:
    out = project / "out.xlsx"
    report = run(settings, SAMPLE_XLSX, out, report_path=project / "r.json")
    before, after = read_all(SAMPLE_XLSX), read_all(out)
    assert list(after) == [*before, "QA"]  # every sheet, same order, then the QA sheet
    for sheet, (header, rows) in before.items():
        new_header, new_rows = after[sheet]
        assert new_header[: len(header)] == header
        assert len(new_rows) == len(rows)
        for old, new in zip(rows, new_rows, strict=True):
            assert new[: len(old)] == old
    columns = report.columns["Products"]  # type: ignore[attr-defined]
    assert "Description (HTML)" in columns and "SKU" not in columns
    header, rows = after["Products"]
    for column in columns:
        src_i = header.index(column)
        for locale in ("de", "fr"):
            tgt_i = header.index(f"{column} [{locale}]")
            for row in rows:
                source, target = row[src_i], row[tgt_i]
                if not source:
                    assert not target  # empty stays empty
                    continue
                # Attribute values may stay as they are (the fake MT reverses words).
                assert target and (target != source or column in ("Color", "Material", "Size"))
                assert tags(target) == tags(source)
                assert not kept_digits(source) - digit_multiset(target)


def test_report_counts_and_reuse(settings: Settings, project: Path) -> None:
    path = project / "dupes.csv"
    path.write_text("SKU,Name\n1,Soft cotton towel\n2,Soft cotton towel\n3,Oak table\n", "utf-8")
    report_path = project / "report.json"
    run(settings, path, project / "o.csv", report_path=report_path, columns=("Name",))
    data = json.loads(report_path.read_text("utf-8"))
    de = next(loc for loc in data["locales"] if loc["locale"] == "de")
    assert de["segments"] == 3 and de["unique_segments"] == 2
    assert de["translated"] == 2 and de["reused"] == 1
    assert de["model_id"] == "en-de" and de["model_version"] == "1"
    # identical segments are sent to MT once per locale
    assert fakes.FakeBackend.calls.count("Soft cotton towel") == 2


def test_lossy_model_falls_back_and_keeps_protected_text(project: Path) -> None:
    fakes.write_fake_model(project / "models", name="lossy", family="fake-lossy")
    settings = Settings.from_env(project)
    path = project / "c.csv"
    path.write_text(
        'SKU,Description\nA1,"<p>Made of <b>solid pine</b>, 23 1/2 in wide. Ask for KX-55B.</p>"\n',
        "utf-8",
    )
    out = project / "o.csv"
    report = run(settings, path, out, models={"*": "lossy"})
    header, rows = read_all(out)[next(iter(read_all(out)))]
    target = rows[0][header.index("Description [de]")]
    source = rows[0][1]
    assert tags(target) == tags(source) and not kept_digits(source) - digit_multiset(target)
    assert "KX-55B" in target and "59,7 cm" in target
    assert any(i.issue.rule_id == "placeholder-fallback" for i in report.cell_issues)  # type: ignore[attr-defined]


def test_failed_run_leaves_no_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings.from_env(project)
    out = project / "out.xlsx"

    def broken(*_: object, **__: object) -> object:
        raise RuntimeError("model crashed")

    monkeypatch.setattr(fakes.FakeBackend, "translate", broken)
    with pytest.raises(RuntimeError):
        run(settings, SAMPLE_XLSX, out)
    assert not out.exists()
    assert not [p for p in project.iterdir() if p.name.startswith(".out")]


def test_unknown_column_names_it_and_lists_headers(settings: Settings, project: Path) -> None:
    with pytest.raises(InputError) as err:
        run(settings, SAMPLE_XLSX, project / "o.xlsx", columns=("Titel",))
    assert "Titel" in str(err.value) and "Description (HTML)" in str(err.value)


def test_locale_without_model_lists_available(settings: Settings, project: Path) -> None:
    spec = JobSpec(input_path=SAMPLE_XLSX, output_path=project / "o.xlsx", targets=("ja",))
    with pytest.raises(ModelError) as err:
        run_job(spec, settings)
    assert "en→ja" in str(err.value) and "en-de" in str(err.value)


def test_output_must_differ_from_input(settings: Settings, project: Path) -> None:
    path = project / "c.csv"
    path.write_text("Name\nOak table\n", "utf-8")
    with pytest.raises(ConfigError):
        run(settings, path, path)


def test_formula_like_translations_are_text(settings: Settings, project: Path) -> None:
    path = project / "c.csv"
    path.write_text('Name\n"=1+2 great deal"\n', "utf-8")
    out = project / "o.xlsx"
    run(settings, path, out, columns=("Name",))
    sheet = openpyxl.load_workbook(out).active
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


class _EmptyBackend(fakes.FakeBackend):
    def _one(self, text: str) -> str:
        return ""


def test_empty_model_output_still_gives_every_cell_a_target(project: Path) -> None:
    fakes.register_backend("fake-empty")(_EmptyBackend)
    fakes.write_fake_model(project / "models", name="empty", family="fake-empty")
    path = project / "c.csv"
    path.write_text("Name\n<b>Oak</b> table\n", "utf-8")
    out = project / "o.csv"
    report = run(Settings.from_env(project), path, out, models={"*": "empty"})
    header, rows = next(iter(read_all(out).values()))
    assert rows[0][header.index("Name [de]")] == "<b>Oak</b> table"
    assert "mt-empty" in {i.issue.rule_id for i in report.cell_issues}  # type: ignore[attr-defined]


class _RunawayBackend(fakes.FakeBackend):
    def translate(self, texts, target, options, progress=None):  # type: ignore[no-untyped-def]
        hyps = super().translate(texts, target, options, progress)
        return [fakes.Hypothesis(h.text, h.score, h.n_tokens, True) for h in hyps]


def test_output_at_the_length_limit_is_flagged(project: Path) -> None:
    fakes.register_backend("fake-runaway")(_RunawayBackend)
    fakes.write_fake_model(project / "models", name="runaway", family="fake-runaway")
    path = project / "c.csv"
    path.write_text("Name\nOak table\n", "utf-8")
    report = run(Settings.from_env(project), path, project / "o.csv", models={"*": "runaway"})
    assert "mt-length-limit" in {i.issue.rule_id for i in report.cell_issues}  # type: ignore[attr-defined]


def test_multi_sheet_input_to_single_sheet_format_fails_before_mt(
    settings: Settings, project: Path
) -> None:
    with pytest.raises(ConfigError, match="2 sheets"):
        run(settings, SAMPLE_XLSX, project / "o.csv")
    assert fakes.FakeBackend.calls == [] and not (project / "o.csv").exists()


class _InventingBackend(fakes.FakeBackend):
    """Adds a placeholder token the input did not have, as small models sometimes do."""

    def _one(self, text: str) -> str:
        return fakes.fake_translate(text) + " ⟦0⟧"


def test_invented_placeholder_tokens_never_reach_the_output(project: Path) -> None:
    fakes.register_backend("fake-inventing")(_InventingBackend)
    fakes.write_fake_model(project / "models", name="inv", family="fake-inventing")
    path = project / "c.csv"
    path.write_text('Name\nOak table\n"Chair, 2 pack"\n', "utf-8")
    out = project / "o.csv"
    run(Settings.from_env(project), path, out, models={"*": "inv"})
    header, rows = next(iter(read_all(out).values()))
    for row in rows:
        target = row[header.index("Name [de]")]
        assert "⟦" not in target and digits(target) == digits(row[0])


def _queue_states(project: Path) -> dict[tuple[str, str], tuple[str, tuple[str, ...]]]:
    from polyshelf.store.db import open_store
    from polyshelf.store.review import ReviewQueue

    with open_store(project) as store:
        return {
            (i.unit_key, i.locale): (i.state, tuple(c.rule_id for c in i.checks))
            for i in ReviewQueue(store).list()
        }


def test_unchanged_rerun_leaves_the_review_queue_as_it_was(project: Path) -> None:
    # The lossy model forces fallback translations, which always go to review; on the rerun
    # the same text comes from the TM, which alone would not send it there.
    fakes.write_fake_model(project / "models", name="lossy", family="fake-lossy")
    settings = Settings.from_env(project)
    path = project / "c.csv"
    path.write_text('SKU,Description\nA1,"Made of solid pine, 23 1/2 in wide, KX-55B."\n', "utf-8")
    run(settings, path, project / "o1.csv", models={"*": "lossy"})
    first = _queue_states(project)
    assert {state for state, _ in first.values()} == {"needs_review"}
    assert all("placeholder-fallback" in checks for _, checks in first.values())
    report = run(settings, path, project / "o2.csv", models={"*": "lossy"})
    assert all(loc.translated == 0 for loc in report.locales)  # type: ignore[attr-defined]
    assert _queue_states(project) == first


def test_runs_route_with_the_pairs_own_threshold(project: Path) -> None:
    from polyshelf.store.routing import RoutingPolicy

    policy = RoutingPolicy(min_score=-100.0, review_checks=()).with_pair(
        "en", "fr", min_score=100.0
    )
    policy.save(project)
    settings = Settings.from_env(project)
    path = project / "c.csv"
    path.write_text("SKU,Name\nA1,Soft cotton towel\n", "utf-8")
    run(settings, path, project / "o.csv")
    states = {locale: state for (_, locale), (state, _) in _queue_states(project).items()}
    assert states == {"de": "draft", "fr": "needs_review"}


def test_title_variants_come_from_the_attribute_dictionary(
    settings: Settings, project: Path
) -> None:
    path = project / "c.csv"
    path.write_text('SKU,Name\nA1,"Chambray shirt, XS, Olive"\n', "utf-8")
    out = project / "o.csv"
    run(settings, path, out)
    header, rows = read_all(out)[next(iter(read_all(out)))]
    de, fr = rows[0][header.index("Name [de]")], rows[0][header.index("Name [fr]")]
    assert de.endswith(", XS, Oliv") and fr.endswith(", XS, Olive")
    assert de != fr
