"""write_tmx → polyshelf.tmx.iter_tmx gives back the texts; TMX as CAT tools write it reads."""

from __future__ import annotations

from pathlib import Path

from defusedxml import ElementTree

from polyshelf.interchange import BilingualUnit, write_tmx
from polyshelf.tmx import iter_tmx, read_tmx
from tests.interchange.cases import TRICKY_TEXTS


def _units() -> list[BilingualUnit]:
    return [
        BilingualUnit(
            uid,
            source,
            target,
            "en",
            "de",
            note="n" if i == 1 else "",
            context=(("sheet", "Products"), ("row", str(i))),
        )
        for i, (uid, source, target) in enumerate(TRICKY_TEXTS)
    ]


def test_write_then_iter_tmx_gives_back_texts(tmp_path: Path) -> None:
    units = _units()
    path = tmp_path / "memory.tmx"
    written = write_tmx(path, units, "en", "de")
    # Units with an empty side (iter_tmx skips them) or characters XML cannot hold are left out.
    expected = [
        (u.source, u.target)
        for u in units
        if u.source.strip() and u.target.strip() and u.id not in ("controls", "nonchar")
    ]
    assert written == len(expected)
    assert [(u.source, u.target) for u in iter_tmx(path, "en", "de")] == expected


def test_inline_tags_are_tmx_codes(tmp_path: Path) -> None:
    unit = BilingualUnit(
        "p", "<b>Soft</b> <i>cotton <br/>cover &amp; case", "<b>Weich</b>", "en", "de"
    )
    path = tmp_path / "m.tmx"
    assert write_tmx(path, [unit], "en-US", "de-DE") == 1
    root = ElementTree.parse(str(path)).getroot()
    header = root.find("header")
    assert header is not None
    assert header.get("creationtool") == "Polyshelf"
    assert (header.get("srclang"), header.get("segtype")) == ("en-US", "sentence")
    seg = root.find("body/tu/tuv/seg")
    assert seg is not None
    codes = [(c.tag, dict(c.attrib), c.text) for c in seg]
    assert codes == [
        ("bpt", {"i": "1"}, "<b>"),
        ("ept", {"i": "1"}, "</b>"),
        ("it", {"pos": "begin"}, "<i>"),
        ("ph", {}, "<br/>"),
        ("ph", {}, "&amp;"),
    ]
    assert [u.source for u in read_tmx(path, "en", "de", keep_codes=False)] == [
        "Soft cotton cover  case"
    ]
    tu = root.find("body/tu")
    assert tu is not None and tu.get("tuid") == "p"


SAMPLES = Path(__file__).parent / "samples"


def test_iter_tmx_reads_utf16_le_bom_as_cat_tools_write() -> None:
    path = SAMPLES / "trados_like.tmx"  # UTF-16 LE with BOM, as Trados and memoQ write
    assert path.read_bytes()[:2] == b"\xff\xfe"
    units = list(iter_tmx(path, "en", "de"))
    assert [(u.source, u.target) for u in units] == [
        (
            "Soft <b>cotton</b> cover<br/>40×40 cm",
            "Weicher <b>Baumwoll</b>bezug<br/>40×40 cm",
        ),
        ("Café & bistro mug", "Café- & Bistrobecher"),
    ]
    assert units[0].attributes["creationid"] == "ANNA"
    plain = read_tmx(path, "en-US", "de-DE", keep_codes=False)
    assert plain[0].source == "Soft cotton cover40×40 cm"


def test_write_tmx_empty_and_atomic(tmp_path: Path) -> None:
    path = tmp_path / "empty.tmx"
    assert write_tmx(path, iter([]), "en", "de") == 0
    assert list(iter_tmx(path, "en", "de")) == []
    assert [p.name for p in tmp_path.iterdir()] == ["empty.tmx"]
