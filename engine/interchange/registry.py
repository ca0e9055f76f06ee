"""XLIFF versions in one place: read any by its root element, write the one asked for.

A ``.xlf``/``.xliff`` suffix says nothing about the version, so reading looks at the root
element's namespace and ``version`` attribute.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

from polyshelf.errors import ConfigError, InputError
from polyshelf.interchange import xliff2, xliff12
from polyshelf.interchange.units import BilingualDocument
from polyshelf.interchange.xml_in import local_name, namespace_of, parse_xml

Writer = Callable[[Path, BilingualDocument], None]
Reader = Callable[[Element, str], BilingualDocument]

WRITERS: dict[str, Writer] = {"2.1": xliff2.write_xliff2, "1.2": xliff12.write_xliff12}
DEFAULT_VERSION = "2.1"


def read_bilingual(path: Path) -> BilingualDocument:
    """Read an XLIFF 1.2 or 2.x file, whichever it is; InputError if it is neither."""
    path = Path(path)
    root = parse_xml(path)
    return _reader_for(root, path.name)(root, path.name)


def write_bilingual(path: Path, doc: BilingualDocument, version: str = DEFAULT_VERSION) -> None:
    """Write ``doc`` as XLIFF ``version`` ("2.1" or "1.2")."""
    writer = WRITERS.get(version)
    if writer is None:
        known = ", ".join(sorted(WRITERS))
        raise ConfigError(f"unknown XLIFF version {version!r} (choose one of: {known})")
    writer(Path(path), doc)


def _reader_for(root: Element, file_name: str) -> Reader:
    if local_name(root.tag) != "xliff":
        raise InputError(f"{file_name} is not an XLIFF file (root element <{root.tag}>)")
    namespace, version = namespace_of(root.tag), root.get("version", "")
    if namespace == xliff2.NS:
        return xliff2.xliff2_document
    if namespace == xliff12.NS or (namespace == "" and version.startswith("1.")):
        return xliff12.xliff12_document
    raise InputError(
        f"{file_name}: unknown XLIFF namespace {namespace!r} (version {version!r}); "
        "expected XLIFF 1.2 or 2.x"
    )
