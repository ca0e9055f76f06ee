"""Exact round trips through XLIFF 2.1 and 1.2, and CAT-tool-style edits read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from defusedxml import ElementTree

from polyshelf.errors import InputError
from polyshelf.interchange import (
    BilingualDocument,
    BilingualUnit,
    read_bilingual,
    read_xliff2,
    read_xliff12,
    write_bilingual,
    write_xliff2,
    write_xliff12,
)
from tests.interchange.cases import TRICKY_TEXTS, tricky_document

FORMATS = {
    "2.1": (write_xliff2, read_xliff2),
    "1.2": (write_xliff12, read_xliff12),
}
X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"


@pytest.fixture(params=sorted(FORMATS))
def version(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_unchanged_file_reads_back_exactly(tmp_path: Path, version: str) -> None:
    write, read = FORMATS[version]
    doc = tricky_document()
    path = tmp_path / "job.xlf"
    write(path, doc)
    back = read(path)
    for written, read_unit in zip(doc.units, back.units, strict=True):
        assert read_unit == written, written.id
    assert back == doc
    assert read_bilingual(path) == doc


@pytest.mark.parametrize(("unit_id", "source", "target"), TRICKY_TEXTS)
def test_each_tricky_text_alone(
    tmp_path: Path, version: str, unit_id: str, source: str, target: str
) -> None:
    doc = BilingualDocument("en", "fr", [BilingualUnit(unit_id, source, target, "en", "fr")])
    path = tmp_path / f"{unit_id}.xliff"
    write_bilingual(path, doc, version=version)
    assert read_bilingual(path).units[0] == doc.units[0]


def test_files_are_well_formed_with_expected_root(tmp_path: Path, version: str) -> None:
    write, _ = FORMATS[version]
    path = tmp_path / "job.xlf"
    write(path, tricky_document())
    root = ElementTree.parse(str(path)).getroot()
    assert root.get("version") == version
    if version == "2.1":
        assert root.tag == f"{X2}xliff"
        assert (root.get("srcLang"), root.get("trgLang")) == ("en", "de-DE")
        assert len(root.findall(f"{X2}file")) == 1
        assert len(root.findall(f".//{X2}unit")) == len(TRICKY_TEXTS)
    else:
        assert root.tag == f"{X12}xliff"
        file = root.find(f"{X12}file")
        assert file is not None
        assert (file.get("source-language"), file.get("target-language")) == ("en", "de-DE")
        assert len(root.findall(f".//{X12}trans-unit")) == len(TRICKY_TEXTS)


def test_inline_tags_become_protected_codes_xliff2(tmp_path: Path) -> None:
    unit = BilingualUnit(
        "p1", 'Soft <b>cotton</b> <a href="x?a=1&amp;b=2">cover</a><br/>', "", "en", "de"
    )
    path = tmp_path / "job.xlf"
    write_xliff2(path, BilingualDocument("en", "de", [unit]))
    root = ElementTree.parse(str(path)).getroot()
    source = root.find(f".//{X2}source")
    assert source is not None
    pcs = source.findall(f"{X2}pc")
    assert [pc.text for pc in pcs] == ["cotton", "cover"]
    data = {d.get("id"): d.text for d in root.iter(f"{X2}data")}
    assert data[pcs[1].get("dataRefStart")] == '<a href="x?a=1&amp;b=2">'
    assert data[pcs[1].get("dataRefEnd")] == "</a>"
    ph = source.find(f"{X2}ph")
    assert ph is not None and data[ph.get("dataRef")] == "<br/>"
    assert "<" not in "".join(source.itertext())  # no markup left as translatable text


def test_inline_tags_become_native_codes_xliff12(tmp_path: Path) -> None:
    unit = BilingualUnit("p1", "Soft <b>cotton</b> cover<br/> &amp; more", "", "en", "de")
    path = tmp_path / "job.xlf"
    write_xliff12(path, BilingualDocument("en", "de", [unit]))
    source = ElementTree.parse(str(path)).getroot().find(f".//{X12}source")
    assert source is not None
    codes = [(child.tag.split("}")[1], child.get("id"), child.text) for child in source]
    assert codes == [
        ("bpt", "1", "<b>"),
        ("ept", "1", "</b>"),
        ("ph", "2", "<br/>"),
        ("ph", "3", "&amp;"),
    ]


def test_target_codes_reuse_source_ids(tmp_path: Path) -> None:
    unit = BilingualUnit("r", "<b>Red</b> <i>shirt</i>", "<i>Hemd</i> in <b>Rot</b>", "en", "de")
    path = tmp_path / "job.xlf"
    write_xliff2(path, BilingualDocument("en", "de", [unit]))
    root = ElementTree.parse(str(path)).getroot()
    source_ids = [pc.get("id") for pc in root.iter(f"{X2}pc")][:2]
    target = root.find(f".//{X2}target")
    assert target is not None
    assert [pc.get("id") for pc in target.iter(f"{X2}pc")] == source_ids[::-1]


def test_target_edited_between_codes_imports(tmp_path: Path, version: str) -> None:
    write, read = FORMATS[version]
    source = 'Soft <b>cotton</b> cover, <a href="/care?x=1&amp;y=2">care</a>&nbsp;tips'
    doc = BilingualDocument(
        "en", "de", [BilingualUnit("u1", source, "", "en", "de", state="draft")]
    )
    path = tmp_path / "job.xlf"
    write(path, doc)
    xml = path.read_text(encoding="utf-8")
    # What a translator in a CAT tool does: copy the source with its codes, edit the text.
    tag = "source"
    body = re.search(rf"<{tag}[^>]*>(.*?)</{tag}>", xml, re.S)
    assert body is not None
    edited = (
        body.group(1)
        .replace("Soft ", "Weicher ")
        .replace("cotton", "Baumwoll")
        .replace(" cover, ", "bezug, ")
        .replace(">care<", ">Pflege<")
        .replace("tips", "hinweise")
    )
    if version == "2.1":
        xml = xml.replace('<segment state="initial">', '<segment state="translated">')
        xml = xml.replace(
            "</source>\n", f'</source>\n    <target xml:space="preserve">{edited}</target>\n', 1
        )
        xml = xml.replace('<target xml:space="preserve"></target>', "")
    else:
        xml = re.sub(
            r"<target state=\"needs-translation\">.*?</target>",
            f'<target state="translated">{edited}</target>',
            xml,
            flags=re.S,
        )
    path.write_text(xml, encoding="utf-8")
    unit = read(path).units[0]
    assert unit.target == (
        'Weicher <b>Baumwoll</b>bezug, <a href="/care?x=1&amp;y=2">Pflege</a>&nbsp;hinweise'
    )
    assert unit.source == source
    assert unit.state == "needs_review"  # the tool's confirmation wins over the kept "draft"


def test_kept_state_survives_when_tool_leaves_state(tmp_path: Path, version: str) -> None:
    write, read = FORMATS[version]
    units = [
        BilingualUnit(f"u{i}", "Blue mug", "Blaue Tasse", "en", "de", state=state)
        for i, state in enumerate(["rejected", "needs_rewriting", "auto_approved", "odd-state"])
    ]
    path = tmp_path / "job.xlf"
    write(path, BilingualDocument("en", "de", units))
    assert [u.state for u in read(path).units] == [u.state for u in units]


def test_ids_that_are_not_nmtokens_survive_xliff2(tmp_path: Path) -> None:
    units = [
        BilingualUnit(uid, "Mug", "Tasse", "en", "de")
        for uid in ["Products/12/Description", "u1", "u1", "", "row 7"]
    ]
    path = tmp_path / "job.xlf"
    write_xliff2(path, BilingualDocument("en", "de", units))
    root = ElementTree.parse(str(path)).getroot()
    xml_ids = [unit.get("id") for unit in root.iter(f"{X2}unit")]
    assert len(set(xml_ids)) == len(xml_ids)
    assert all(re.fullmatch(r"[\w.:-]+", xml_id or "") for xml_id in xml_ids)
    assert [u.id for u in read_xliff2(path).units] == [u.id for u in units]


def test_unit_language_mismatch_is_refused(tmp_path: Path, version: str) -> None:
    write, _ = FORMATS[version]
    doc = BilingualDocument("en", "de", [BilingualUnit("u", "Mug", "Tasse", "en", "fr")])
    with pytest.raises(InputError, match="en→fr"):
        write(tmp_path / "job.xlf", doc)
    assert not (tmp_path / "job.xlf").exists()


def test_note_with_control_character_is_refused(tmp_path: Path, version: str) -> None:
    write, _ = FORMATS[version]
    unit = BilingualUnit("u", "Mug", "Tasse", "en", "de", note="bad\x01note")
    with pytest.raises(InputError, match="U\\+0001"):
        write(tmp_path / "job.xlf", BilingualDocument("en", "de", [unit]))
    assert list(tmp_path.iterdir()) == []  # no temp file left behind


def test_write_bilingual_unknown_version(tmp_path: Path) -> None:
    from polyshelf.errors import ConfigError

    with pytest.raises(ConfigError, match=r"1\.2"):
        write_bilingual(tmp_path / "x.xlf", tricky_document(), version="3.0")
