"""Bilingual interchange: XLIFF 2.1 and 1.2 export/import, TMX and TM csv writing."""

from __future__ import annotations

from polyshelf.interchange.registry import read_bilingual, write_bilingual
from polyshelf.interchange.tm_csv import read_tm_csv, write_tm_csv
from polyshelf.interchange.tmx_write import write_tmx
from polyshelf.interchange.units import BilingualDocument, BilingualUnit
from polyshelf.interchange.xliff2 import read_xliff2, write_xliff2
from polyshelf.interchange.xliff12 import read_xliff12, write_xliff12

__all__ = [
    "BilingualDocument",
    "BilingualUnit",
    "read_bilingual",
    "read_tm_csv",
    "read_xliff2",
    "read_xliff12",
    "write_bilingual",
    "write_tm_csv",
    "write_tmx",
    "write_xliff2",
    "write_xliff12",
]
