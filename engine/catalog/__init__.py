"""Catalog files: read and write product spreadsheets (.xlsx, .csv/.tsv, .jsonl) row by row.

Entry points: :func:`open_reader` and :func:`open_writer` pick the format by file suffix.
"""

from polyshelf.catalog.model import CatalogReader, CatalogWriter, CellIssue, Row
from polyshelf.catalog.registry import open_reader, open_writer, supported_suffixes

__all__ = [
    "CatalogReader",
    "CatalogWriter",
    "CellIssue",
    "Row",
    "open_reader",
    "open_writer",
    "supported_suffixes",
]
