"""`polyshelf` command line: builds Settings, dispatches to a command module, maps errors.

Every PolyshelfError becomes one line on stderr and its exit code (2); an unexpected error is
one line too (exit 1), with the traceback only under --debug.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Sequence

from polyshelf import __version__
from polyshelf.errors import PolyshelfError
from polyshelf.settings import Settings

# Each command module defines add_parser(subparsers) and run(args, settings) -> int.
COMMAND_MODULES = (
    "polyshelf.cli.translate_cmd",
    "polyshelf.cli.models_cmd",
    "polyshelf.cli.doctor_cmd",
    "polyshelf.cli.train_cmd",
    "polyshelf.cli.finetune_cmd",
    "polyshelf.cli.eval_cmd",
    "polyshelf.cli.review_cmd",
    "polyshelf.cli.tm_cmd",
    "polyshelf.cli.glossary_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"polyshelf: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="polyshelf", description="Offline catalog localization.")
    parser.add_argument("--version", action="version", version=f"polyshelf {__version__}")
    parser.add_argument("--project", default=None, help="project directory (default: .)")
    parser.add_argument("--device", choices=["auto", "cpu", "cuda"], default=None)
    parser.add_argument("--compute-type", default=None, help="CTranslate2 compute type")
    parser.add_argument(
        "--threads",
        type=int,
        default=None,
        help="CPU cores for MT, one batch each (0 = all, up to 8)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env(
            args.project,
            device=args.device,
            compute_type=args.compute_type,
            threads=args.threads,
        )
        return int(args.handler(args, settings) or 0)
    except PolyshelfError as exc:
        print(f"polyshelf: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("polyshelf: interrupted; no output was written", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            traceback.print_exc()
        detail = str(exc).splitlines()[0] if str(exc) else ""
        print(
            f"polyshelf: internal error: {type(exc).__name__}: {detail} (rerun with --debug)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.exit(main())
