"""How long-running engine work reports progress; each shell supplies its own sink."""

from __future__ import annotations

from typing import Protocol


class ProgressSink(Protocol):
    def start(self, label: str, total: int) -> None: ...

    def advance(self, n: int) -> None: ...

    def finish(self) -> None: ...

    def notice(self, text: str) -> None: ...


class SilentProgress:
    """For --quiet, tests and background jobs: notices are kept, nothing is printed."""

    def __init__(self) -> None:
        self.notices: list[str] = []

    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass

    def notice(self, text: str) -> None:
        self.notices.append(text)
