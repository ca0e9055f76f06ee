"""Read TMX 1.4b translation memories as CAT tools write them (parsed with defusedxml).

Handles UTF-8 and UTF-16 files with a BOM, `xml:lang` or `lang` attributes, region subtags
(`de-DE` matches `de`), and inline codes: `<bpt>`, `<ept>`, `<ph>`, `<it>` carry native markup
(their text is the original code, e.g. `<b>`), `<hi>`/`<sub>` wrap translatable text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element

from polyshelf.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_CODE_TAGS = {"bpt", "ept", "ph", "it"}


@dataclass(frozen=True)
class TmxUnit:
    source: str
    target: str
    attributes: dict[str, str]


def _lang_matches(value: str, lang: str) -> bool:
    value, lang = value.replace("_", "-").casefold(), lang.replace("_", "-").casefold()
    return value == lang or (value.split("-")[0] == lang.split("-")[0] and "-" not in lang)


def segment_text(seg: Element, keep_codes: bool = True) -> str:
    """The segment's text; inline codes give back their native markup when keep_codes."""
    parts = [seg.text or ""]
    for child in seg:
        name = child.tag.rsplit("}", 1)[-1]
        if name in _CODE_TAGS:
            if keep_codes:
                parts.append("".join(child.itertext()))
        else:
            parts.append(segment_text(child, keep_codes))
        parts.append(child.tail or "")
    return "".join(parts)


def iter_tmx(path: Path, src: str, tgt: str, keep_codes: bool = True) -> Iterator[TmxUnit]:
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        root = ElementTree.parse(str(path)).getroot()
    except FileNotFoundError:
        raise InputError(f"file not found: {path}") from None
    except (ElementTree.ParseError, DefusedXmlException, UnicodeError) as exc:
        raise InputError(f"{path.name} is not a readable TMX file ({exc})") from exc
    if root.tag.rsplit("}", 1)[-1] != "tmx":
        raise InputError(f"{path.name} is not a TMX file (root element <{root.tag}>)")
    for tu in root.iter("tu"):
        texts: dict[str, str] = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is None:
                continue
            if _lang_matches(lang, src) and "src" not in texts:
                texts["src"] = segment_text(seg, keep_codes)
            elif _lang_matches(lang, tgt) and "tgt" not in texts:
                texts["tgt"] = segment_text(seg, keep_codes)
        if texts.get("src", "").strip() and texts.get("tgt", "").strip():
            yield TmxUnit(texts["src"], texts["tgt"], dict(tu.attrib))


def read_tmx(path: Path, src: str, tgt: str, keep_codes: bool = True) -> list[TmxUnit]:
    return list(iter_tmx(path, src, tgt, keep_codes))
