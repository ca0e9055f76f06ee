"""`polyshelf-workbench`: the desktop shell for translators (PySide6, the `gui` extra).

The review workbench is built on the engine's project store and review queue; until those land
this entry point checks the installation and says what to use meanwhile.
"""

from __future__ import annotations

import sys


def main() -> int:
    try:
        import PySide6  # noqa: F401
    except ImportError:
        print(
            "polyshelf-workbench: error: PySide6 is not installed; install the 'gui' extra: "
            "pip install 'polyshelf[gui]'",
            file=sys.stderr,
        )
        return 2
    print(
        "polyshelf-workbench: the review workbench is not available in this version yet; "
        "use `polyshelf translate` meanwhile",
        file=sys.stderr,
    )
    return 2


if __name__ == "__main__":
    sys.exit(main())
