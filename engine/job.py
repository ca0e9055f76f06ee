"""A translation job: catalog → segments → MT → cells → output catalog + report.

Both shells build a JobSpec and call run_job; the catalog is streamed twice (collect the unique
segments, then write), so memory grows with the number of distinct segments, not rows.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from polyshelf.catalog.columns import detect_text_columns, select_columns
from polyshelf.catalog.model import CatalogReader, CellIssue, Row, is_empty_cell
from polyshelf.catalog.registry import (
    open_reader,
    open_writer,
    supported_suffixes,
    writer_class,
)
from polyshelf.errors import ConfigError, InputError
from polyshelf.issues import Issue
from polyshelf.models.registry import ModelEntry, ModelRegistry
from polyshelf.mt.backend import TranslateOptions, backend_for
from polyshelf.mt.segments import SegmentTranslation, translate_segments
from polyshelf.progress import ProgressSink, SilentProgress
from polyshelf.report import JobReport, LocaleStats
from polyshelf.segment.cell import CellPlan, segment_cell
from polyshelf.segment.segment import Segment
from polyshelf.settings import Settings

SAMPLE_ROWS = 200  # rows looked at to detect text columns


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
        self._segment = lru_cache(maxsize=4096)(self._segment_uncached)

    def _segment_uncached(self, text: str) -> CellPlan:
        return segment_cell(text, self.spec.source_lang, max_chars=self.spec.max_chars)

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

    def _resolve_models(self) -> dict[str, ModelEntry]:
        entries = {}
        for locale in self.spec.targets:
            choice = self.spec.models.get(locale) or self.spec.models.get("*")
            entries[locale] = self.registry.for_pair(
                self.spec.source_lang, model_language(locale), choice
            )
        return entries

    def _choose_columns(self, reader: CatalogReader) -> dict[str, list[str]]:
        chosen: dict[str, list[str]] = {}
        headers = {name: reader.header(name) for name in reader.sheet_names()}
        non_empty = {name: h for name, h in headers.items() if h}
        if not non_empty:
            raise InputError(f"{self.spec.input_path.name} has no data: every sheet is empty")
        if self.spec.columns:
            return self._requested_columns(list(self.spec.columns), non_empty)
        for name, header in non_empty.items():
            sample = [row for _, row in zip(range(SAMPLE_ROWS), reader.rows(name), strict=False)]
            columns = detect_text_columns(header, sample)
            if columns:
                chosen[name] = columns
                self._notice(
                    f"sheet {name!r}: translating {', '.join(columns)} "
                    "(detected; choose with --columns)"
                )
        if not chosen:
            raise InputError(
                f"no text columns found in {self.spec.input_path.name}; name them with --columns"
            )
        return chosen

    def _requested_columns(
        self, wanted: list[str], headers: dict[str, list[str]]
    ) -> dict[str, list[str]]:
        """--columns: each sheet translates the requested columns it has; each must exist."""

        def key(name: str) -> str:
            return name.strip().casefold()

        chosen = {}
        for sheet, header in headers.items():
            keys = {key(h) for h in header}
            present = [c for c in wanted if key(c) in keys]
            if present:
                chosen[sheet] = select_columns(header, present)
        all_keys = {key(h) for header in headers.values() for h in header}
        missing = [c for c in wanted if key(c) not in all_keys]
        if missing:
            # select_columns words the error: names the column, lists the headers.
            select_columns(next(iter(headers.values())), missing)
        return chosen

    def _notice(self, text: str) -> None:
        self.notices.append(text)
        self.progress.notice(text)

    # -- passes ---------------------------------------------------------------------------
    def _cells(
        self, reader: CatalogReader, columns: dict[str, list[str]]
    ) -> Iterator[tuple[str, int, str, str]]:
        """(sheet, spreadsheet row, column, text) of every non-empty source cell."""
        for sheet, names in columns.items():
            header = reader.header(sheet)
            indices = [(header.index(c), c) for c in names]
            for row_number, row in enumerate(reader.rows(sheet), start=2):
                for index, column in indices:
                    value = row.values[index] if index < len(row.values) else None
                    if isinstance(value, str) and value.strip():
                        yield sheet, row_number, column, value

    def _collect_segments(
        self, reader: CatalogReader, columns: dict[str, list[str]]
    ) -> tuple[list[Segment], Counter[Segment], int, int]:
        occurrences: Counter[Segment] = Counter()
        rows_with_text: set[tuple[str, int]] = set()
        cells = 0
        for sheet, row_number, _, text in self._cells(reader, columns):
            cells += 1
            rows_with_text.add((sheet, row_number))
            occurrences.update(self._segment(text).segments)
        return list(occurrences), occurrences, cells, len(rows_with_text)

    def _translate_cell(
        self, text: str, translations: dict[Segment, SegmentTranslation]
    ) -> tuple[str, list[Issue]]:
        plan = self._segment(text)
        results = [translations[s] for s in plan.segments]
        issues = list(plan.issues) + [i for r in results for i in r.issues]
        return plan.render([r.text for r in results]), issues

    def _output_rows(
        self,
        reader: CatalogReader,
        sheet: str,
        names: Sequence[str],
        translations: dict[str, dict[Segment, SegmentTranslation]],
        issues: list[CellIssue],
    ) -> Iterator[Row]:
        header = reader.header(sheet)
        indices = [header.index(c) for c in names]
        for row_number, row in enumerate(reader.rows(sheet), start=2):
            extra: list[object] = []
            for index, column in zip(indices, names, strict=True):
                value = row.values[index] if index < len(row.values) else None
                for locale in self.spec.targets:
                    if is_empty_cell(value) or not isinstance(value, str) or not value.strip():
                        # Empty stays empty; a number or date in a text column is copied.
                        extra.append(None if is_empty_cell(value) else value)
                        continue
                    text, cell_issues = self._translate_cell(value, translations[locale])
                    extra.append(text)
                    label = target_header(column, locale)
                    issues.extend(CellIssue(sheet, row_number, label, i) for i in cell_issues)
            yield row.extended(extra)

    # -- run ------------------------------------------------------------------------------
    def run(self) -> JobReport:
        spec = self.spec
        started = time.monotonic()
        self._check_paths()
        models = self._resolve_models()
        report = JobReport(
            input_path=spec.input_path, output_path=spec.output_path, source_lang=spec.source_lang
        )
        with open_reader(spec.input_path) as reader:
            sheets = reader.sheet_names()
            if len(sheets) > 1 and not writer_class(spec.output_path).multi_sheet:
                raise ConfigError(
                    f"{spec.input_path.name} has {len(sheets)} sheets but "
                    f"{spec.output_path.suffix} holds one; write .xlsx instead"
                )
            columns = self._choose_columns(reader)
            report.columns = columns
            unique, occurrences, cells, rows = self._collect_segments(reader, columns)
            translations: dict[str, dict[Segment, SegmentTranslation]] = {}
            for locale in spec.targets:
                translations[locale] = self._translate_locale(
                    locale, models[locale], unique, occurrences, cells, rows, report
                )
            cell_issues: list[CellIssue] = []
            with open_writer(spec.output_path, like=reader) as writer:
                for sheet in reader.sheet_names():
                    header = reader.header(sheet)
                    names = columns.get(sheet, [])
                    new_header = header + [
                        target_header(c, loc) for c in names for loc in spec.targets
                    ]
                    if names:
                        rows_out = self._output_rows(
                            reader, sheet, names, translations, cell_issues
                        )
                    else:
                        rows_out = reader.rows(sheet)
                    writer.write_sheet(sheet, new_header, rows_out)
                cell_issues.extend(writer.issues)
        report.cell_issues = cell_issues
        report.notices = list(self.notices)
        report.seconds = time.monotonic() - started
        for stats in report.locales:
            stats.count_warnings(cell_issues, spec.targets)
        if spec.report_path is not None:
            report.write(spec.report_path)
        return report

    def _translate_locale(
        self,
        locale: str,
        entry: ModelEntry,
        unique: list[Segment],
        occurrences: Counter[Segment],
        cells: int,
        rows: int,
        report: JobReport,
    ) -> dict[Segment, SegmentTranslation]:
        began = time.monotonic()
        backend = backend_for(entry.manifest.family)(
            entry.manifest,
            entry.path,
            device=self.settings.device,
            compute_type=self.settings.compute_type,
            threads=self.settings.threads,
        )
        self.progress.start(f"{self.spec.source_lang}→{locale}", len(unique))
        results = translate_segments(
            backend, unique, model_language(locale), self.spec.options, self.progress.advance
        )
        self.progress.finish()
        total = sum(occurrences.values())
        report.locales.append(
            LocaleStats(
                locale=locale,
                model_id=entry.manifest.name,
                model_version=entry.manifest.version,
                device=backend.device,
                compute_type=backend.compute_type,
                rows=rows,
                cells=cells,
                segments=total,
                unique_segments=len(unique),
                translated=len(unique),
                reused=total - len(unique),
                fallback=sum(1 for r in results if r.method == "fallback"),
                seconds=round(time.monotonic() - began, 2),
                worst_segments=worst_segments(unique, results),
            )
        )
        return dict(zip(unique, results, strict=True))


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


def run_job(spec: JobSpec, settings: Settings, progress: ProgressSink | None = None) -> JobReport:
    return Job(spec, settings, progress).run()
