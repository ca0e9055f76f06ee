"""Attribute value dictionaries: fixed translations of short values (sizes, colours, materials).

A one-word value such as "Navy" has no context for MT, so it is looked up here first. Files are
``glossaries/attributes/<attribute>.csv`` with a ``source`` column and one column per language
or locale (``de``, ``fr``, ``de-CH``); shipped files come with Polyshelf, project files in
``<project>/glossaries/attributes/`` override them cell by cell (an empty project cell keeps
the shipped translation). Values missing from the dictionary are left to MT, which the job flags
with :data:`ATTRIBUTE_MISSING_RULE`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from pathlib import Path

from polyshelf.errors import InputError
from polyshelf.settings import Settings
from polyshelf.terms.csv_rows import check_width, csv_rows
from polyshelf.terms.glossary import project_glossary_dir, shipped_glossary_dir
from polyshelf.terms.model import language_of, normalize_locale

ATTRIBUTE_MISSING_RULE = "attribute-not-in-dictionary"
ATTRIBUTES_FOLDER = "attributes"

# Catalog column headers (lower-case, brackets removed) and the attribute they hold.
COLUMN_ALIASES: Mapping[str, str] = {
    "colour": "colour",
    "colours": "colour",
    "color": "colour",
    "colors": "colour",
    "farbe": "colour",
    "couleur": "colour",
    "size": "size",
    "sizes": "size",
    "größe": "size",
    "grösse": "size",
    "groesse": "size",
    "taille": "size",
    "material": "material",
    "materials": "material",
    "materialien": "material",
    "matériau": "material",
    "matériaux": "material",
    "matière": "material",
}
_BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")

# attribute → value key (case-folded) → column ("source" or a locale code) → text
Tables = dict[str, dict[str, dict[str, str]]]


_LIST_SEPARATOR = re.compile(r"(\s*[,/;+&]\s*)")
_SHARE = re.compile(r"^(\d+(?:[.,]\d+)?\s?%)\s+(\S.*)$")


def _is_noun_language(locale: str) -> bool:
    """German capitalises nouns: dictionary casing is kept inside lists."""
    return locale.lower().startswith("de")


def _value_key(value: str) -> str:
    return " ".join(value.split()).casefold()


# Attributes whose values name a variant at the end of a product title ("Shirt, XS, Olive").
TITLE_LIST_ATTRIBUTES = ("colour", "size")
ATTRIBUTE_SPAN_KIND = "attribute"
_ITEM_RE = re.compile(r"[^,]+")


class AttributeDictionaries:
    def __init__(self, tables: Tables | None = None) -> None:
        self._tables: Tables = tables or {}

    @classmethod
    def load(cls, settings: Settings) -> AttributeDictionaries:
        tables: Tables = {}
        for directory in (
            shipped_glossary_dir() / ATTRIBUTES_FOLDER,
            project_glossary_dir(settings) / ATTRIBUTES_FOLDER,
        ):
            if not directory.is_dir():
                continue
            for path in sorted(directory.glob("*.csv")):
                if path.name.startswith("."):
                    continue
                table = tables.setdefault(path.stem.lower(), {})
                for key, cells in read_attribute_dictionary(path).items():
                    table.setdefault(key, {}).update(cells)
        return cls(tables)

    @property
    def attributes(self) -> tuple[str, ...]:
        return tuple(sorted(self._tables))

    def attribute_for_column(self, header: str) -> str | None:
        """``"Color (name)"`` → ``"colour"``; None when no dictionary fits the column."""
        name = " ".join(_BRACKETS_RE.sub(" ", header).split()).casefold()
        attribute = COLUMN_ALIASES.get(name, name)
        return attribute if attribute in self._tables else None

    def translate(self, attribute: str, value: str, locale: str) -> str | None:
        """The dictionary's translation of ``value`` (any case) for ``locale``, as written in the
        dictionary; ``de-CH`` falls back to ``de``. None when the value or language is missing."""
        row = self._tables.get(attribute.casefold(), {}).get(_value_key(value))
        if row is None:
            return None
        try:
            wanted = normalize_locale(locale)
        except ValueError:
            return None
        return row.get(wanted) or row.get(language_of(wanted))

    def translate_variant(self, value: str, locale: str) -> str | None:
        """A colour or size value from the first dictionary that has it for ``locale``."""
        for attribute in TITLE_LIST_ATTRIBUTES:
            found = self.translate(attribute, value, locale)
            if found is not None:
                return found
        return None

    def find_variants(self, text: str, locale: str) -> list[tuple[int, int, str]]:
        """Comma-separated items after the first that are a colour or size in the dictionary:
        ``Chambray shirt, XS, Olive`` → ``XS`` and ``Olive``. Translated by the model alone,
        such a one-word item has no context and comes back as anything ("Jetzt")."""
        spans: list[tuple[int, int, str]] = []
        for index, match in enumerate(_ITEM_RE.finditer(text)):
            item = match.group()
            value = item.strip()
            if index == 0 or not value or self.translate_variant(value, locale) is None:
                continue
            start = match.start() + len(item) - len(item.lstrip())
            spans.append((start, start + len(value), ATTRIBUTE_SPAN_KIND))
        return spans

    def translate_list(
        self,
        attribute: str,
        value: str,
        locale: str,
        render_percent: Callable[[str], str] | None = None,
    ) -> str | None:
        """Like :meth:`translate`, and for lists such as ``Polyester, solid birch``,
        ``Black/White`` or ``70% wool, 30% polyester``: each item from the dictionary,
        separators kept, a share in percent formatted by ``render_percent``. None when any item
        is missing (the whole value then goes to MT)."""
        whole = self.translate(attribute, value, locale)
        if whole is not None:
            return whole
        parts = _LIST_SEPARATOR.split(value)
        if len(parts) == 1:
            return self._translate_share(attribute, value, locale, render_percent)
        out: list[str] = []
        for index, part in enumerate(parts):
            if index % 2:
                out.append(part)
                continue
            found = self._translate_share(attribute, part, locale, render_percent)
            if found is None:
                return None
            # "Polyester, solid birch": an item after the first keeps the source's lower case.
            if (
                index
                and part[:1].islower()
                and found[:1].isupper()
                and not _is_noun_language(locale)
            ):
                found = found[:1].lower() + found[1:]
            out.append(found)
        return "".join(out)

    def _translate_share(
        self,
        attribute: str,
        value: str,
        locale: str,
        render_percent: Callable[[str], str] | None,
    ) -> str | None:
        """``70% wool`` → ``70 % Wolle``: the share rendered for the locale, the rest looked up."""
        match = _SHARE.match(value)
        if match is None:
            return self.translate(attribute, value, locale)
        found = self.translate(attribute, match.group(2), locale)
        if found is None:
            return None
        share = match.group(1)
        if match.group(2)[:1].islower() and not _is_noun_language(locale):
            found = found[:1].lower() + found[1:]  # "70 % laine", as the source writes it
        return f"{render_percent(share) if render_percent else share} {found}"


def read_attribute_dictionary(path: Path) -> dict[str, dict[str, str]]:
    """Rows of one dictionary file keyed by case-folded source value; empty cells left out."""
    header: list[str] | None = None
    table: dict[str, dict[str, str]] = {}
    for line, row in csv_rows(path):
        cells = [cell.strip() for cell in row]
        if header is None:
            header = _read_header(f"{path}, line {line}", cells)
            continue
        check_width(path, line, header, cells)
        values = {name: cell for name, cell in zip(header, cells, strict=False) if cell}
        if "source" not in values:
            raise InputError(f"{path}, line {line}: empty source value")
        table[_value_key(values["source"])] = values
    if header is None:
        raise InputError(f"{path}: empty attribute dictionary (no header row)")
    return table


def _read_header(where: str, cells: list[str]) -> list[str]:
    while cells and not cells[-1]:
        cells = cells[:-1]
    if not cells or cells[0].lower() != "source":
        raise InputError(f"{where}: the first column must be 'source'")
    header = ["source"]
    for cell in cells[1:]:
        try:
            header.append(normalize_locale(cell))
        except ValueError as exc:
            raise InputError(f"{where}: column {cell!r} is not a language code") from exc
    if len(set(header)) != len(header):
        raise InputError(f"{where}: a column appears twice")
    return header
