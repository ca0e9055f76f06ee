"""Review states through a file format's own state names, exact on an unchanged round trip."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class StateMapping:
    """How one format names our review states, and how we read its names back.

    ``default`` is the format state for a state we do not map (and what the format assumes
    when a file gives none).
    """

    to_format: Mapping[str, str]
    from_format: Mapping[str, str]
    default: str

    def format_state(self, state: str) -> str:
        return self.to_format.get(state, self.default)

    def review_state(self, kept: str | None, written: str | None) -> str:
        """Our state for a unit read back.

        ``kept`` is the exact state we stored beside the format's own; ``written`` the format
        state in the file now. While it still says what we wrote, ``kept`` wins; once a CAT tool
        changed it (a translator confirmed the segment), the format state decides.
        """
        if kept is not None and self.format_state(kept) == (written or self.default):
            return kept
        if written is None:
            return kept or ""
        return self.from_format.get(written, "")
