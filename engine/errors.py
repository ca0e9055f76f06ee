"""The exceptions the engine raises for whole-run failures.

The CLI maps every :class:`PolyshelfError` to a one-line message on stderr and its exit code;
anything that fails for a single segment becomes an Issue instead and the run continues.
"""

from __future__ import annotations


class PolyshelfError(Exception):
    """Base class: a failure a user can act on, reported as one line."""

    exit_code = 2


class InputError(PolyshelfError):
    """Bad input: missing or unreadable file, unknown column, empty sheet."""


class ConfigError(PolyshelfError):
    """Bad settings or command-line options."""


class ModelError(PolyshelfError):
    """No model for a language pair, a model directory that does not load, a failed import."""


class MissingExtraError(PolyshelfError):
    """An optional dependency (torch, transformers, PySide6) is not installed."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed; install the '{extra}' extra: "
            f"pip install 'polyshelf[{extra}]'"
        )
