"""`polyshelf translate`: translate catalog columns into one or more locales."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.cli.progress_bar import TerminalProgress
from polyshelf.errors import ConfigError
from polyshelf.mt.backend import TranslateOptions
from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("translate", help="translate a catalog (xlsx, csv, jsonl)")
    p.add_argument("input", type=Path)
    p.add_argument("--to", required=True, help="target locales, comma-separated: de,fr,de-CH")
    p.add_argument("--from", dest="source", default="en", help="source language (default en)")
    p.add_argument("--out", type=Path, default=None, help="output file (default NAME.l10n.EXT)")
    p.add_argument("--columns", default=None, help='columns by header: "Name,Description"')
    p.add_argument(
        "--model",
        action="append",
        default=[],
        help="model name, name@version or directory; LOCALE=MODEL for one locale (repeatable)",
    )
    p.add_argument("--beam-size", type=int, default=4)
    p.add_argument("--batch-tokens", type=int, default=2048, help="tokens per MT batch")
    p.add_argument(
        "--report",
        nargs="?",
        const=True,
        default=None,
        help="write a JSON report (default path: OUTPUT.report.json)",
    )
    p.add_argument("--rates", type=Path, default=None, help="currency rates CSV (never fetched)")
    p.add_argument("--currency", default=None, help="convert prices into this currency (--rates)")
    p.add_argument("--job", default=None, help="job name in the review queue (default: file name)")
    p.add_argument("--approved-only", action="store_true", help="write only approved translations")
    p.add_argument(
        "--no-store",
        action="store_true",
        help="neither use nor update the project's translation memory and review queue",
    )
    p.add_argument("--no-qa-sheet", action="store_true", help="no QA sheet in xlsx output")
    p.add_argument("--quiet", action="store_true", help="no progress or notices (for cron)")
    p.set_defaults(handler=run)


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _models(values: list[str]) -> dict[str, str]:
    models: dict[str, str] = {}
    for value in values:
        locale, sep, model = value.partition("=")
        if sep and locale and "/" not in locale:
            models[locale.strip()] = model.strip()
        else:
            models["*"] = value.strip()
    return models


def run(args: argparse.Namespace, settings: Settings) -> int:
    from polyshelf.job import JobSpec, run_job

    if args.beam_size < 1:
        raise ConfigError("--beam-size must be at least 1")
    output = args.out or args.input.with_name(f"{args.input.stem}.l10n{args.input.suffix}")
    report_path = None
    if args.report is True:
        report_path = output.with_name(output.name + ".report.json")
    elif args.report:
        report_path = Path(args.report)
    spec = JobSpec(
        input_path=args.input,
        output_path=output,
        targets=_split_list(args.to),
        source_lang=args.source,
        columns=_split_list(args.columns) if args.columns else None,
        models=_models(args.model),
        options=TranslateOptions(beam_size=args.beam_size, max_batch_tokens=args.batch_tokens),
        report_path=report_path,
        rates_path=args.rates,
        currency=args.currency.upper() if args.currency else None,
        use_store=not args.no_store,
        approved_only=args.approved_only,
        job_key=args.job,
        qa_sheet=not args.no_qa_sheet,
    )
    progress = TerminalProgress(quiet=args.quiet)
    report = run_job(spec, settings, progress)
    if not args.quiet:
        for s in report.locales:
            warnings = sum(s.warnings.values())
            states = ", ".join(f"{n} {state}" for state, n in s.states.items())
            print(
                f"{s.locale}: {s.cells} cells, {s.segments} segments "
                f"({s.translated} machine-translated, {s.reused} reused) in {s.seconds:.1f} s "
                f"with {s.model_id}@{s.model_version} on {s.device}/{s.compute_type}; "
                f"{warnings} warnings; review: {states or '-'}"
            )
        print(f"wrote {output}")
        if report_path:
            print(f"report {report_path}")
    return 0
