"""Whole-pipeline speed: a generated catalog through `polyshelf translate`.

    python bench/catalog_speed.py [--rows 400] [--to de,fr] [--format xlsx] [--json]

Generates the catalog with bench/make_catalog.py (seed 1), translates it in this process and
prints rows, segments, segments/s per locale, total seconds and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polyshelf.job import JobSpec, run_job
from polyshelf.settings import Settings
from polyshelf.verify import verify_output

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=400)
    parser.add_argument("--to", default="de,fr")
    parser.add_argument("--format", default="xlsx", choices=["xlsx", "csv", "jsonl"])
    parser.add_argument("--device", default="auto")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="polyshelf-bench-"))
    catalog = work / f"catalog.{args.format}"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "make_catalog.py"),
            "--rows",
            str(args.rows),
            "--seed",
            "1",
            "--out",
            str(catalog),
        ],
        check=True,
    )
    out = work / f"catalog.l10n.{args.format}"
    spec = JobSpec(catalog, out, tuple(t for t in args.to.split(",") if t))
    start = time.perf_counter()
    report = run_job(spec, Settings.from_env(device=args.device))
    seconds = time.perf_counter() - start
    check = verify_output(catalog, out)
    result = {
        "rows": args.rows,
        "format": args.format,
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "locales": {
            s.locale: {
                "model": f"{s.model_id}@{s.model_version}",
                "device": f"{s.device}/{s.compute_type}",
                "segments": s.segments,
                "unique_segments": s.unique_segments,
                "mt_seconds": s.seconds,
                "unique_seg_per_s": round(s.unique_segments / max(s.seconds, 1e-9), 1),
                "fallback": s.fallback,
            }
            for s in report.locales
        },
        "structure_ok": check.ok,
        "structure_problems": len(check.problems),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
