"""Terminal progress for the CLI: a tqdm bar (items/s, ETA) only on a terminal."""

from __future__ import annotations

import sys
from typing import Any


class TerminalProgress:
    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.show_bar = not quiet and sys.stderr.isatty()
        self.notices: list[str] = []
        self._bar: Any = None

    def start(self, label: str, total: int) -> None:
        if self.show_bar:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=label, unit="seg", file=sys.stderr, leave=True)

    def advance(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def notice(self, text: str) -> None:
        self.notices.append(text)
        if not self.quiet:
            print(text, file=sys.stderr)
