"""Product names in capitals (MÅLA, HEMNES…): how many survive translation.

    python bench/name_survival.py [--model en-de] [--n 300] [--json]

Runs IKEA val product lines (detokenized) through the engine as `translate` does (segmenting
with protected spans, MT, restoring) and through the bare model (plain sentences, no
protection), and counts the source's words in capitals that come back verbatim in the output.
"""

from __future__ import annotations

import argparse
import json
import sys

from polyshelf.models.registry import ModelRegistry
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend
from polyshelf.mt.segments import translate_segments
from polyshelf.segment.cell import segment_cell
from polyshelf.segment.placeholders import find_capitals_names
from polyshelf.settings import Settings
from polyshelf.terms.check import contains_verbatim
from polyshelf.training.defaults import ikea_lines


def names(text: str) -> list[str]:
    return [text[start:end] for start, end in find_capitals_names(text)]


def kept(sources: list[str], outputs: list[str]) -> tuple[int, int]:
    total = found = 0
    for source, output in zip(sources, outputs, strict=True):
        for name in names(source):
            total += 1
            found += contains_verbatim(output, name)
    return found, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="en-de")
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    entry = ModelRegistry(Settings.from_env()).find(args.model)
    src, tgt = entry.manifest.source, entry.manifest.targets[0]
    lines = [line for line in ikea_lines("val", src, tgt)[0] if names(line)][: args.n]
    backend = CTranslate2Backend(entry.manifest, entry.path, device="cpu")
    options = TranslateOptions()

    plans = [segment_cell(line, src) for line in lines]
    segments = [s for plan in plans for s in plan.segments]
    results = iter(translate_segments(backend, segments, tgt, options))
    engine_out = [plan.render([next(results).text for _ in plan.segments]) for plan in plans]
    bare_out = [h.text for h in backend.translate(lines, tgt, options)]

    engine_kept, total = kept(lines, engine_out)
    bare_kept, _ = kept(lines, bare_out)
    result = {
        "model": entry.model_id,
        "lines": len(lines),
        "names": total,
        "engine_kept": engine_kept,
        "engine_rate": round(engine_kept / max(1, total), 4),
        "bare_model_kept": bare_kept,
        "bare_model_rate": round(bare_kept / max(1, total), 4),
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{entry.model_id}: {len(lines)} IKEA val lines with {total} names in capitals")
        print(f"  translate (protected spans): {engine_kept}/{total} kept verbatim")
        print(f"  bare model:                  {bare_kept}/{total} kept verbatim")
    return 0


if __name__ == "__main__":
    sys.exit(main())
