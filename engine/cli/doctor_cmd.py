"""`polyshelf doctor`: what a user needs to see when something is off."""

from __future__ import annotations

import argparse
import platform
import sys
from typing import Any

from polyshelf import __version__
from polyshelf.errors import PolyshelfError
from polyshelf.models.registry import ModelRegistry
from polyshelf.mt.backend import TranslateOptions, backend_for
from polyshelf.mt.ctranslate import cuda_device_count, cuda_problem
from polyshelf.settings import Settings


def add_parser(sub: Any) -> None:
    p = sub.add_parser("doctor", help="check the installation, devices and models")
    p.set_defaults(handler=run)


def _compute_types(device: str) -> str:
    import ctranslate2

    try:
        return ", ".join(sorted(ctranslate2.get_supported_compute_types(device)))
    except Exception as exc:  # no CUDA runtime: CTranslate2 raises a RuntimeError
        return f"none ({str(exc).splitlines()[0][:80]})"


def run(args: argparse.Namespace, settings: Settings) -> int:
    import ctranslate2

    ok = True
    print(f"polyshelf {__version__}, Python {platform.python_version()} on {sys.platform}")
    print(f"ctranslate2 {ctranslate2.__version__}")
    cuda = cuda_device_count()
    print(f"CUDA devices: {cuda}")
    problem = cuda_problem() if cuda else None
    if problem is not None:
        print(f"  CUDA not usable, translation runs on CPU: {problem}")
    print(f"  cpu compute types:  {_compute_types('cpu')}")
    print(f"  cuda compute types: {_compute_types('cuda') if cuda else 'none (no CUDA device)'}")
    for extra, module in (("train", "torch"), ("train", "transformers"), ("gui", "PySide6")):
        try:
            __import__(module)
            status = "installed"
        except ImportError:
            status = f"not installed (extra '{extra}')"
        print(f"{module}: {status}")
    print("model directories:")
    for origin, root in settings.model_roots:
        print(f"  {origin:<8} {root}{'' if root.is_dir() else '  (absent)'}")
    registry = ModelRegistry(settings)
    entries = registry.entries()
    print(f"models found: {len(entries)}")
    if not entries:
        ok = False
        print("  no models: translate needs one (polyshelf models import, or polyshelf train)")
    for entry in entries:
        try:
            backend = backend_for(entry.manifest.family)(
                entry.manifest,
                entry.path,
                device=settings.device,
                compute_type=settings.compute_type,
            )
            backend.translate(["Hello."], entry.manifest.targets[0], TranslateOptions(beam_size=1))
            status = f"loads ({backend.device}/{backend.compute_type})"
        except PolyshelfError as exc:
            status, ok = f"FAILS: {exc}", False
        print(f"  {entry.model_id:<24} {entry.origin:<8} {status}  {entry.path}")
    for problem in registry.problems:
        ok = False
        print(f"  problem: {problem}")
    print("all good" if ok else "problems found (see above)")
    return 0 if ok else 1
