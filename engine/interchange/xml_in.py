"""Reading interchange XML safely (defusedxml) with one-line errors that name the file."""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from polyshelf.errors import InputError


def parse_xml(path: Path) -> Element:
    """The root element of ``path``; InputError if it is missing, malformed or unsafe."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    path = Path(path)
    try:
        return ElementTree.parse(str(path)).getroot()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"cannot read {path}: it is a folder") from None
    except DefusedXmlException as exc:
        raise InputError(
            f"{path.name}: refused to read XML that declares entities or external references "
            f"({exc})"
        ) from None
    except ElementTree.ParseError as exc:
        raise InputError(f"{path.name} is not well-formed XML ({exc})") from None
    except UnicodeError as exc:
        raise InputError(f"{path.name} is not readable XML text ({exc})") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def namespace_of(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
