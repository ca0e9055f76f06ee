"""The inline tokenizer: codes keep exact markup, pairs nest, ids follow the source."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from polyshelf.interchange import BilingualDocument, BilingualUnit, read_bilingual, write_bilingual
from polyshelf.interchange.inline import Code, join_parts, split_inline


def _roles(text: str) -> list[tuple[str, str]]:
    return [
        ("text", part) if isinstance(part, str) else (part.role, part.raw)
        for part in split_inline(text)
    ]


def test_roles_of_tags_entities_and_controls() -> None:
    text = 'A <b>bold</b> <a href="x?a=1&amp;b=2" title="1 > 0">link</a><br/>&nbsp;x\x01<i>'
    assert _roles(text) == [
        ("text", "A "),
        ("start", "<b>"),
        ("text", "bold"),
        ("end", "</b>"),
        ("text", " "),
        ("start", '<a href="x?a=1&amp;b=2" title="1 > 0">'),
        ("text", "link"),
        ("end", "</a>"),
        ("ph", "<br/>"),
        ("entity", "&nbsp;"),
        ("text", "x"),
        ("char", "\x01"),
        ("open", "<i>"),
    ]


@pytest.mark.parametrize(
    "text",
    ["a < b and c > d", "AT&T; R&D", "<3 love", "5 &lt 6", "x </ y", "⟦1⟧ ⟦/1⟧", "< b>"],
)
def test_text_that_only_looks_like_markup_stays_text(text: str) -> None:
    assert split_inline(text) == [text]


def test_pairs_share_ids_and_target_reuses_source_ids() -> None:
    source = split_inline("<b>Red</b> <i>shirt</i><br>")
    target = split_inline("<i>Hemd</i> in <b>Rot</b> <u>neu</u><br>", like=source)
    source_ids = {p.raw: p.id for p in source if isinstance(p, Code)}
    target_ids = {p.raw: p.id for p in target if isinstance(p, Code)}
    for raw in ("<b>", "</b>", "<i>", "</i>", "<br>"):
        assert target_ids[raw] == source_ids[raw]
    assert target_ids["<u>"] == target_ids["</u>"]
    assert target_ids["<u>"] not in source_ids.values()


def test_crossing_tags_leave_the_inner_ones_unpaired() -> None:
    roles = [r for r, _ in _roles("<b>x<i>y</b>z</i>") if r != "text"]
    assert roles == ["start", "open", "end", "close"]


_FRAGMENTS = [
    "Soft ",
    "cotton",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    '<a href="x?a=1&amp;b=2">',
    "</a>",
    "<br/>",
    "<br>",
    "<!-- c -->",
    "&amp;",
    "&nbsp;",
    "&#8211;",
    "&x;",
    "&",
    "<",
    ">",
    '"',
    "'",
    "é",
    "🎁",
    "👍🏽",
    "שלום",
    "⟦1⟧",
    "\x00",
    "\x0b",
    "\ufffe",
    "]]>",
    "<span class='a'>",
    "</span>",
    "< b",
    "&amp",
    "\u00a0",
    "\u2028",
]


def test_random_texts_round_trip_through_both_xliff_versions(tmp_path: Path) -> None:
    rng = random.Random(20240611)

    def text() -> str:
        return "".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(0, 14)))

    units = [BilingualUnit(f"r{i}", text(), text(), "en", "ar") for i in range(150)]
    for unit in units:
        assert join_parts(split_inline(unit.source)) == unit.source
    doc = BilingualDocument("en", "ar", units)
    for version in ("2.1", "1.2"):
        path = tmp_path / f"random-{version}.xlf"
        write_bilingual(path, doc, version=version)
        back = read_bilingual(path)
        mismatches = [u.id for u, b in zip(units, back.units, strict=True) if u != b]
        assert mismatches == [], version
