"""A translation job: catalog → segments → TM → MT → terms, locale and market rules → review
routing → output catalog (+ QA sheet) and report.

Both shells build a JobSpec and call run_job. The catalog is read twice: once to collect the
source cells, once to write the output, so only cell texts and their translations are held.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from polyshelf.catalog.model import CatalogReader, CellIssue, Row, is_empty_cell
from polyshelf.catalog.registry import (
    open_reader,
    open_writer,
    supported_suffixes,
    writer_class,
)
from polyshelf.errors import ConfigError
from polyshelf.issues import Issue, Severity
from polyshelf.job_columns import SAMPLE_ROWS, choose_columns, column_transforms
from polyshelf.localefmt.columns import ColumnTransform
from polyshelf.localefmt.rates import RatesTable
from polyshelf.metrics import corpus_score
from polyshelf.models.registry import ModelEntry, ModelRegistry
from polyshelf.mt.backend import TranslateOptions, backend_for
from polyshelf.mt.segments import SegmentTranslation, translate_segments
from polyshelf.progress import ProgressSink, SilentProgress
from polyshelf.project_memory import ProjectMemory
from polyshelf.qa_sheet import qa_sheet_name, qa_sheet_rows
from polyshelf.report import JobReport, LocaleStats
from polyshelf.segment.cell import CellPlan, segment_cell
from polyshelf.segment.segment import Segment
from polyshelf.settings import Settings
from polyshelf.source_cells import SourceCell, scan_cells
from polyshelf.target_profile import TargetProfile
from polyshelf.terms.attributes import ATTRIBUTE_MISSING_RULE, AttributeDictionaries
from polyshelf.terms.glossary import Glossary

EXPORTED_STATES = frozenset({"approved", "auto_approved"})  # what --approved-only writes


@dataclass(frozen=True)
class JobSpec:
    input_path: Path
    output_path: Path
    targets: tuple[str, ...]
    source_lang: str = "en"
    columns: tuple[str, ...] | None = None
    models: dict[str, str] = field(default_factory=dict)  # locale (or "*") → model name/id/path
    options: TranslateOptions = field(default_factory=TranslateOptions)
    report_path: Path | None = None
    max_chars: int = 300
    rates_path: Path | None = None  # currency rates the user supplies; never fetched
    currency: str | None = None  # convert prices into this currency (needs rates)
    use_store: bool = True  # translation memory and review queue in the project
    approved_only: bool = False  # write only approved text (others stay empty)
    job_key: str | None = None  # names the job in the review queue (default: input file name)
    qa_sheet: bool = True


@dataclass
class CellOutcome:
    text: str
    issues: list[Issue]
    score: float | None  # lowest length-normalized model score of its segments
    model_id: str
    method: str  # mt | tm | review | dictionary
    state: str = "mt"


def model_language(locale: str) -> str:
    """`de-CH` → `de`: models translate languages, columns are per locale."""
    return locale.replace("_", "-").split("-")[0].lower()


def target_header(column: str, locale: str) -> str:
    return f"{column} [{locale}]"


class Job:
    def __init__(self, spec: JobSpec, settings: Settings, progress: ProgressSink | None = None):
        self.spec = spec
        self.settings = settings
        self.progress = progress or SilentProgress()
        self.registry = ModelRegistry(settings)
        self.notices: list[str] = []

    # -- checks before any work --------------------------------------------------------
    def _check_paths(self) -> None:
        spec = self.spec
        if not spec.targets:
            raise ConfigError("no target locale given (use --to de,fr)")
        suffix = spec.output_path.suffix.lower()
        if suffix not in supported_suffixes(for_writing=True):
            raise ConfigError(
                f"cannot write {spec.output_path.name}: output formats are "
                + ", ".join(supported_suffixes(for_writing=True))
            )
        if spec.output_path.resolve() == spec.input_path.resolve():
            raise ConfigError("the output file must differ from the input file")
        if spec.currency and spec.rates_path is None:
            raise ConfigError("--currency needs a rates table (--rates FILE)")
        folder = spec.output_path.parent
        if folder.exists() and not folder.is_dir():
            raise ConfigError(f"cannot write into {folder}: it is not a folder")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ConfigError(f"cannot create output folder {folder}: {exc.strerror}") from exc

    def _resolve_models(self) -> dict[str, ModelEntry]:
        entries = {}
        for locale in self.spec.targets:
            choice = self.spec.models.get(locale) or self.spec.models.get("*")
            entries[locale] = self.registry.for_pair(
                self.spec.source_lang, model_language(locale), choice
            )
        return entries

    def _notice(self, text: str) -> None:
        self.notices.append(text)
        self.progress.notice(text)

    # -- run ------------------------------------------------------------------------------
    def run(self) -> JobReport:
        spec = self.spec
        started = time.monotonic()
        self._check_paths()
        models = self._resolve_models()
        rates = RatesTable.load(spec.rates_path) if spec.rates_path else None
        glossary = Glossary.load(self.settings, spec.source_lang)
        attributes = AttributeDictionaries.load(self.settings)
        profiles = {
            locale: TargetProfile.build(
                spec.source_lang,
                locale,
                glossary,
                self.settings.project_dir,
                rates=rates,
                currency=spec.currency,
                attributes=attributes,
            )
            for locale in spec.targets
        }
        report = JobReport(
            input_path=spec.input_path, output_path=spec.output_path, source_lang=spec.source_lang
        )
        memory = (
            ProjectMemory.open(
                self.settings.project_dir, spec.job_key or spec.input_path.name, spec.source_lang
            )
            if spec.use_store
            else None
        )
        try:
            self._run(
                reader_path=spec.input_path,
                models=models,
                profiles=profiles,
                attributes=attributes,
                memory=memory,
                report=report,
            )
            if memory is not None:
                report.review_counts = memory.counts()
        finally:
            if memory is not None:
                memory.close()
        report.notices = list(self.notices)
        report.seconds = time.monotonic() - started
        for stats in report.locales:
            stats.count_warnings(report.cell_issues, spec.targets)
        if spec.report_path is not None:
            report.write(spec.report_path)
        return report

    def _run(
        self,
        reader_path: Path,
        models: dict[str, ModelEntry],
        profiles: dict[str, TargetProfile],
        attributes: AttributeDictionaries,
        memory: ProjectMemory | None,
        report: JobReport,
    ) -> None:
        spec = self.spec
        with open_reader(reader_path) as reader:
            sheets = reader.sheet_names()
            multi_sheet = writer_class(spec.output_path).multi_sheet
            if len(sheets) > 1 and not multi_sheet:
                raise ConfigError(
                    f"{spec.input_path.name} has {len(sheets)} sheets but "
                    f"{spec.output_path.suffix} holds one; write .xlsx instead"
                )
            columns = choose_columns(reader, spec.columns, attributes, self._notice)
            report.columns = columns
            transforms = column_transforms(reader, columns, self._notice)
            attribute_columns = {
                (sheet, c): a
                for sheet, names in columns.items()
                for c in names
                if (a := attributes.attribute_for_column(c)) is not None
            }
            cells = scan_cells(reader, columns, attribute_columns, SAMPLE_ROWS, spec.targets)
            outcomes: dict[str, dict[str, CellOutcome]] = {}
            for locale in spec.targets:
                outcomes[locale] = self._translate_locale(
                    locale, models[locale], profiles[locale], attributes, cells, memory, report
                )
            cell_issues: list[CellIssue] = [
                CellIssue(c.sheet, c.row, target_header(c.column, locale), issue)
                for c in cells
                for locale in spec.targets
                for issue in outcomes[locale][c.key].issues
            ]
            places = {(c.sheet, c.row, c.column): c.key for c in cells}
            with open_writer(spec.output_path, like=reader) as writer:
                for sheet in sheets:
                    header = reader.header(sheet)
                    names = columns.get(sheet, [])
                    sheet_transforms = transforms.get(sheet, [])
                    new_header = header + [
                        target_header(c, loc) for c in names for loc in spec.targets
                    ]
                    new_header += [
                        t.output_header(loc, profiles[loc].options)
                        for t in sheet_transforms
                        for loc in spec.targets
                    ]
                    if names or sheet_transforms:
                        rows_out: Iterator[Row] = self._output_rows(
                            reader,
                            sheet,
                            names,
                            sheet_transforms,
                            places,
                            outcomes,
                            profiles,
                            cell_issues,
                        )
                    else:
                        rows_out = reader.rows(sheet)
                    writer.write_sheet(sheet, new_header, rows_out)
                if spec.qa_sheet and multi_sheet:
                    qa_header, qa_rows = qa_sheet_rows(cell_issues, spec.targets)
                    writer.write_sheet(qa_sheet_name(sheets), qa_header, qa_rows)
                cell_issues.extend(writer.issues)
        report.cell_issues = cell_issues

    def _output_rows(
        self,
        reader: CatalogReader,
        sheet: str,
        names: Sequence[str],
        transforms: Sequence[ColumnTransform],
        places: dict[tuple[str, int, str], str],
        outcomes: dict[str, dict[str, CellOutcome]],
        profiles: dict[str, TargetProfile],
        issues: list[CellIssue],
    ) -> Iterator[Row]:
        header = reader.header(sheet)
        indices = [header.index(c) for c in names]
        for row_number, row in enumerate(reader.rows(sheet), start=2):
            extra: list[object] = []
            for index, column in zip(indices, names, strict=True):
                value = row.values[index] if index < len(row.values) else None
                key = places.get((sheet, row_number, column))
                for locale in self.spec.targets:
                    if key is None:
                        # Empty stays empty; a number or date in a text column is copied.
                        extra.append(None if is_empty_cell(value) else value)
                        continue
                    outcome = outcomes[locale][key]
                    exported = not self.spec.approved_only or outcome.state in EXPORTED_STATES
                    extra.append(outcome.text if exported else None)
            values = list(row.values)
            for transform in transforms:
                for locale in self.spec.targets:
                    value, found = transform.convert(values, header, profiles[locale].options)
                    extra.append(value)
                    label = transform.output_header(locale, profiles[locale].options)
                    issues.extend(CellIssue(sheet, row_number, label, i) for i in found)
            yield row.extended(extra)

    def _translate_locale(
        self,
        locale: str,
        entry: ModelEntry,
        profile: TargetProfile,
        attributes: AttributeDictionaries,
        cells: Sequence[SourceCell],
        memory: ProjectMemory | None,
        report: JobReport,
    ) -> dict[str, CellOutcome]:
        began = time.monotonic()
        spec = self.spec

        @lru_cache(maxsize=4096)
        def plan_for(text: str) -> CellPlan:
            return segment_cell(
                text,
                spec.source_lang,
                max_chars=spec.max_chars,
                finders=profile.finders,
                keep_capitals=profile.keep_capitals,
            )

        human = memory.approved_cells(locale) if memory is not None else {}
        suppressed = memory.suppressed(locale) if memory is not None else {}
        outcomes: dict[str, CellOutcome] = {}
        pending: list[SourceCell] = []
        from_dictionary = 0
        for cell in cells:
            item = human.get(cell.key)
            if item is not None and item.source == cell.text:
                outcomes[cell.key] = CellOutcome(
                    item.target, [], item.score, item.model_id or "review", "review", item.state
                )
                continue
            if cell.attribute is not None:
                value = attributes.translate_list(
                    cell.attribute, cell.text.strip(), locale, partial(profile.render, "percent")
                )
                if value is not None:
                    outcomes[cell.key] = CellOutcome(value, [], None, "dictionary", "dictionary")
                    from_dictionary += 1
                    continue
            pending.append(cell)
        occurrences: Counter[Segment] = Counter(
            segment for cell in pending for segment in plan_for(cell.text).segments
        )
        unique = list(occurrences)
        results: dict[Segment, SegmentTranslation] = (
            memory.tm_lookup(unique, locale) if memory is not None else {}
        )
        tm_hits = len(results)
        misses = [s for s in unique if s not in results]
        device = compute_type = "-"
        if misses:
            backend = backend_for(entry.manifest.family)(
                entry.manifest,
                entry.path,
                device=self.settings.device,
                compute_type=self.settings.compute_type,
                threads=self.settings.threads,
            )
            device, compute_type = backend.device, backend.compute_type
            self.progress.start(f"{spec.source_lang}→{locale}", len(misses))
            translated = translate_segments(
                backend,
                misses,
                model_language(locale),
                spec.options,
                self.progress.advance,
                render=profile.render,
            )
            self.progress.finish()
            results.update(zip(misses, translated, strict=True))
            if memory is not None:
                memory.remember(locale, list(zip(misses, translated, strict=True)))
        for cell in pending:
            outcomes[cell.key] = self._finish_cell(
                cell, plan_for(cell.text), results, profile, suppressed.get(cell.key, {})
            )
        if memory is not None:
            states = memory.record_cells(locale, cells, outcomes)
            for key, (state, text) in states.items():
                outcomes[key].state = state
                outcomes[key].text = text
        total = sum(occurrences.values())
        fallback = sum(1 for s in misses if results[s].method == "fallback")
        scored = [(outcomes[c.key].text, ref) for c in cells if (ref := c.reference(locale))]
        report.locales.append(
            LocaleStats(
                locale=locale,
                model_id=entry.manifest.name,
                model_version=entry.manifest.version,
                device=device,
                compute_type=compute_type,
                rows=len({(c.sheet, c.row) for c in cells}),
                cells=len(cells),
                segments=total,
                unique_segments=len(unique),
                translated=len(misses),
                reused=total - len(misses),
                fallback=fallback,
                seconds=round(time.monotonic() - began, 2),
                tm_hits=tm_hits,
                from_review=len(cells) - len(pending) - from_dictionary,
                from_dictionary=from_dictionary,
                states=dict(sorted(Counter(o.state for o in outcomes.values()).items())),
                worst_segments=worst_segments(misses, [results[s] for s in misses]),
                reference_scores=reference_scores(scored),
            )
        )
        return outcomes

    def _finish_cell(
        self,
        cell: SourceCell,
        plan: CellPlan,
        results: dict[Segment, SegmentTranslation],
        profile: TargetProfile,
        suppressed: dict[str, str],
    ) -> CellOutcome:
        found = [results[s] for s in plan.segments]
        text = plan.render([r.text for r in found])
        issues = list(plan.issues) + [i for r in found for i in r.issues]
        text, rule_issues = profile.finish_cell(
            cell.text, text, cell.column, plan.is_html, suppressed
        )
        issues += rule_issues
        # A check a reviewer suppressed on this cell (with a reason) is not reported again.
        issues = [i for i in issues if i.rule_id not in suppressed]
        if cell.attribute is not None:
            issues.append(
                Issue(
                    ATTRIBUTE_MISSING_RULE,
                    Severity.WARNING,
                    f"{cell.text.strip()!r} is not in the {cell.attribute} dictionary; "
                    "machine-translated without context",
                    params={"attribute": cell.attribute, "value": cell.text.strip()},
                )
            )
        scores = [r.score for r in found if r.score is not None]
        methods = {r.method for r in found}
        return CellOutcome(
            text=text,
            issues=issues,
            score=min(scores) if scores else None,
            model_id=next((r.model_id for r in found if r.model_id), ""),
            method="tm" if methods == {"tm"} else "mt",
        )


def worst_segments(
    segments: Sequence[Segment], results: Sequence[SegmentTranslation], limit: int = 10
) -> list[dict[str, object]]:
    scored = [
        (r.score, s, r) for s, r in zip(segments, results, strict=True) if r.score is not None
    ]
    scored.sort(key=lambda item: item[0])
    return [
        {"score": round(score, 3), "source": s.source, "translation": r.text, "method": r.method}
        for score, s, r in scored[:limit]
    ]


def reference_scores(pairs: Sequence[tuple[str, str]]) -> dict[str, object]:
    """Corpus BLEU and chrF (sacreBLEU, with signatures) of cells against reference columns."""
    if not pairs:
        return {}
    hypotheses, references = zip(*pairs, strict=True)
    scores = {name: corpus_score(name, hypotheses, references) for name in ("bleu", "chrf")}
    return {
        "cells": len(pairs),
        **{name: s.value for name, s in scores.items()},
        "signatures": {name: s.signature for name, s in scores.items()},
    }


def run_job(spec: JobSpec, settings: Settings, progress: ProgressSink | None = None) -> JobReport:
    return Job(spec, settings, progress).run()
