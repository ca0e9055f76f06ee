"""Writing XML by hand: exact escaping, so every character survives a parser's normalisation.

ElementTree writes a CR in text as it is, and a parser turns it into LF; here CR, and in
attribute values also tab and LF, become character references. Characters XML cannot hold at
all are the caller's business (see :mod:`polyshelf.interchange.inline`); the fields that
cannot carry inline codes refuse them through :func:`require_xml_text`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.fileio import atomic_output
from polyshelf.interchange.inline import INVALID_XML_CHAR

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
XML_NS = "http://www.w3.org/XML/1998/namespace"

_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def escape_text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


def escape_attr(value: str) -> str:
    return value.translate(_ATTR_ESCAPES)


def require_xml_text(value: str, what: str) -> str:
    """``value`` unchanged, or InputError if it holds a character XML cannot hold."""
    bad = INVALID_XML_CHAR.search(value)
    if bad is not None:
        raise InputError(f"{what} holds U+{ord(bad.group()):04X}, which XML files cannot hold")
    return value


def start_tag(name: str, attrs: Iterable[tuple[str, str]] = (), *, empty: bool = False) -> str:
    written = "".join(f' {key}="{escape_attr(value)}"' for key, value in attrs)
    return f"<{name}{written}{'/' if empty else ''}>"


def text_element(name: str, text: str, attrs: Iterable[tuple[str, str]] = ()) -> str:
    """A whole element holding only text (``text`` must hold no character XML refuses)."""
    return f"{start_tag(name, attrs)}{escape_text(text)}</{name}>"


def write_xml_file(path: Path, parts: Iterable[str]) -> None:
    """Write the document atomically as UTF-8 (no newline translation)."""
    data = "".join(parts).encode("utf-8")
    with atomic_output(Path(path)) as temp_path:
        temp_path.write_bytes(data)
