"""Check a translated catalog against its input (acceptance points of the catalog issue).

    python bench/check_catalog.py INPUT OUTPUT

Prints the cells and targets checked and every problem; exit status 1 if there are problems.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polyshelf.verify import verify_output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    args = parser.parse_args()
    report = verify_output(args.input, args.output)
    print(f"{report.cells_checked} original cells and {report.targets_checked} targets checked")
    for problem in report.problems:
        print(f"  {problem}")
    print("OK" if report.ok else f"{len(report.problems)} problems")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
