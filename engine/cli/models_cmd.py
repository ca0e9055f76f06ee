"""`polyshelf models list|import`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from polyshelf.models.importer import import_model
from polyshelf.models.registry import ModelRegistry
from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("models", help="list or import MT models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION")
    msub.required = True
    lst = msub.add_parser("list", help="models found in project, user and shipped directories")
    lst.set_defaults(handler=run_list)
    imp = msub.add_parser("import", help="convert a local Hugging Face Marian/NLLB/M2M100 model")
    imp.add_argument("model", help="model directory, or hub id already in the local HF cache")
    imp.add_argument("--name", default=None)
    imp.add_argument("--version", default="1")
    imp.add_argument("--src", default=None, help="source language (read from Marian configs)")
    imp.add_argument("--tgt", default=None, help="target language(s), comma-separated")
    imp.add_argument("--quantization", default="int8", choices=["int8", "float16", "float32"])
    imp.add_argument("--out", type=Path, default=None, help="models root (default: user dir)")
    imp.set_defaults(handler=run_import)


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    registry = ModelRegistry(settings)
    entries = registry.entries()
    promoted = registry.promoted()
    if not entries:
        print("no models found; looked in:")
    for entry in entries:
        m = entry.manifest
        pairs = ", ".join(f"{m.source}→{t}" for t in m.targets)
        mark = " (default)" if entry.model_id in promoted.values() else ""
        bleu = m.card.get("bleu_multi30k_test2016")
        quality = f"  BLEU {bleu}" if bleu is not None else ""
        print(f"{entry.model_id:<28} {pairs:<14} {entry.origin:<8} {entry.path}{quality}{mark}")
    if not entries:
        for origin, root in settings.model_roots:
            print(f"  {origin:<8} {root}")
    for problem in registry.problems:
        print(f"warning: {problem}")
    return 0


def run_import(args: argparse.Namespace, settings: Settings) -> int:
    targets = tuple(t.strip() for t in (args.tgt or "").split(",") if t.strip())
    out_root = args.out or settings.data_dir / "models"
    manifest, path = import_model(
        args.model,
        out_root,
        name=args.name,
        version=args.version,
        source=args.src,
        targets=targets,
        quantization=args.quantization,
    )
    print(f"imported {manifest.model_id} ({manifest.family}) into {path}")
    return 0
