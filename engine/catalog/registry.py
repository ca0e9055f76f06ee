"""Which reader and writer handle which file suffix.

Each format module registers its classes with ``@register_format(".suffix", ...)``; this module
imports the format modules (listed in FORMAT_MODULES) the first time a lookup needs them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from polyshelf.catalog.model import CatalogReader, CatalogWriter
from polyshelf.errors import InputError

FORMAT_MODULES = (
    "polyshelf.catalog.xlsx",
    "polyshelf.catalog.csv_format",
    "polyshelf.catalog.jsonl",
)

_readers: dict[str, type[CatalogReader]] = {}
_writers: dict[str, type[CatalogWriter]] = {}
_modules_loaded = False

FormatClass = TypeVar("FormatClass", bound=type[CatalogReader] | type[CatalogWriter])


def register_format(*suffixes: str) -> Callable[[FormatClass], FormatClass]:
    """Class decorator: the reader or writer class handles files with these suffixes."""
    normalized = [_normalize(suffix) for suffix in suffixes]

    def register(cls: FormatClass) -> FormatClass:
        table: dict[str, type]
        if issubclass(cls, CatalogReader):
            table = _readers
        elif issubclass(cls, CatalogWriter):
            table = _writers
        else:
            raise TypeError(f"{cls.__name__} is neither a CatalogReader nor a CatalogWriter")
        for suffix in normalized:
            registered = table.get(suffix)
            if registered is not None and registered is not cls:
                raise ValueError(f"{suffix} is already handled by {registered.__name__}")
            table[suffix] = cls
        return cls

    return register


def supported_suffixes(*, for_writing: bool = False) -> list[str]:
    """Suffixes that can be read (or written, with ``for_writing``), sorted."""
    _load_format_modules()
    return sorted(_writers if for_writing else _readers)


def open_reader(path: Path) -> CatalogReader:
    """A reader for ``path``, chosen by its suffix."""
    path = Path(path)
    _load_format_modules()
    reader_class = _readers.get(_normalize(path.suffix))
    if reader_class is None:
        raise InputError(_unsupported_message(path, "read", sorted(_readers)))
    return reader_class(path)


def writer_class(path: Path) -> type[CatalogWriter]:
    """The writer class for ``path``'s suffix (to check its abilities before any work)."""
    _load_format_modules()
    found = _writers.get(_normalize(Path(path).suffix))
    if found is None:
        raise InputError(_unsupported_message(Path(path), "written", sorted(_writers)))
    return found


def open_writer(path: Path, *, like: CatalogReader | None = None) -> CatalogWriter:
    """A writer for ``path``, chosen by its suffix.

    ``like`` is the reader of the input file: writers copy what they can of its layout (a csv
    output reuses the delimiter of a csv input).
    """
    path = Path(path)
    _load_format_modules()
    writer_class = _writers.get(_normalize(path.suffix))
    if writer_class is None:
        raise InputError(_unsupported_message(path, "written", sorted(_writers)))
    return writer_class(path, like=like)


def _unsupported_message(path: Path, action: str, suffixes: list[str]) -> str:
    kind = f"{path.suffix} files" if path.suffix else "files without a suffix"
    return f"{path.name}: {kind} cannot be {action}; supported: {', '.join(suffixes)}"


def _normalize(suffix: str) -> str:
    suffix = suffix.lower()
    return suffix if suffix.startswith(".") or not suffix else "." + suffix


def _load_format_modules() -> None:
    global _modules_loaded
    if _modules_loaded:
        return
    for module_name in FORMAT_MODULES:
        importlib.import_module(module_name)
    _modules_loaded = True
