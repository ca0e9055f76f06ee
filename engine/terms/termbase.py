"""Termbase files: one registry of formats, chosen by file suffix.

Adding a format: one module with a class like :class:`CsvTermbase` (``name``, ``suffixes``,
``read``, ``write``) and one entry in ``_FORMATS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output
from polyshelf.terms.csv_termbase import CsvTermbase
from polyshelf.terms.model import Term
from polyshelf.terms.tbx_termbase import TbxTermbase


class TermbaseFormat(Protocol):
    name: str
    suffixes: tuple[str, ...]

    def read(
        self,
        path: Path,
        src_lang: str | None,
        tgt_lang: str | None,
        default_src_lang: str | None,
    ) -> list[Term]: ...

    def write(self, path: Path, terms: Sequence[Term]) -> None: ...


_FORMATS: tuple[TermbaseFormat, ...] = (CsvTermbase(), TbxTermbase())


def termbase_suffixes() -> tuple[str, ...]:
    return tuple(suffix for fmt in _FORMATS for suffix in fmt.suffixes)


def format_for(path: Path) -> TermbaseFormat:
    suffix = path.suffix.lower()
    for fmt in _FORMATS:
        if suffix in fmt.suffixes:
            return fmt
    raise InputError(
        f"{path}: unsupported termbase format {suffix or '(no suffix)'!r} "
        f"(supported: {', '.join(termbase_suffixes())})"
    )


def read_termbase(
    path: Path | str,
    src_lang: str | None = None,
    tgt_lang: str | None = None,
    *,
    default_src_lang: str | None = None,
) -> list[Term]:
    """Terms of a CSV or TBX file; InputError naming the file and line or element if malformed.

    ``src_lang``/``tgt_lang`` fill in languages the file leaves open (a TBX file with several
    target languages is narrowed to ``tgt_lang``); ``default_src_lang`` is the last resort.
    """
    path = Path(path)
    fmt = format_for(path)
    if not path.is_file():
        raise InputError(f"termbase not found: {path}")
    return fmt.read(path, src_lang, tgt_lang, default_src_lang)


def write_termbase(path: Path | str, terms: Sequence[Term]) -> None:
    """Write ``terms`` in the format of the suffix, atomically (temp file, then rename)."""
    path = Path(path)
    fmt = format_for(path)
    with atomic_output(path) as temp_path:
        fmt.write(temp_path, terms)
