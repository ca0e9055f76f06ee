"""XLIFF written by other tools, version detection, and files that must be refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.interchange import (
    BilingualDocument,
    BilingualUnit,
    read_bilingual,
    read_xliff2,
    read_xliff12,
    write_bilingual,
)

SAMPLES = Path(__file__).parent / "samples"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE xliff [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="de">
 <file id="f1"><unit id="u1"><segment><source>&lol3;</source></segment></unit></file>
</xliff>
"""

EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="x" source-language="en" target-language="de"><body>
  <trans-unit id="1"><source>&secret;</source></trans-unit>
 </body></file>
</xliff>
"""


def _file(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_memoq_like_xliff2_is_read(tmp_path: Path) -> None:
    doc = read_bilingual(SAMPLES / "memoq_like.xlf")
    assert (doc.src_lang, doc.tgt_lang, doc.original) == ("en-US", "de-DE", "catalog.html")
    first, second = doc.units
    assert first.id == "tu1"
    assert first.source == "Soft <b>cotton</b> cover. <br/> Machine washable."
    assert first.target == "Weicher <b>Baumwoll</b>bezug. <br/> Maschinenwaschbar."
    assert first.state == "needs_review"  # the lowest of final and translated
    assert first.note == "Check length\nMax 60 chars"
    assert first.src_lang == "en-US" and first.tgt_lang == "de-DE"
    # Codes with no original data stand for no markup; no target means untranslated.
    assert second == BilingualUnit("tu2", "Only start codes  here", "", "en-US", "de-DE")
    assert read_xliff2(SAMPLES / "memoq_like.xlf") == doc


def test_trados_like_xliff12_is_read(tmp_path: Path) -> None:
    doc = read_bilingual(SAMPLES / "trados_like.sdlxliff")
    assert (doc.src_lang, doc.tgt_lang, doc.original) == ("en-US", "fr-FR", "catalog.xlsx")
    first, second, third = doc.units
    assert first.source == "Soft cotton cover 40×40 cm"
    assert first.target == "Housse en coton doux 40×40 cm"
    assert first.state == "needs_review"
    assert first.note == 'Use "housse"'
    assert first.context == (("sourcefile", "catalog.xlsx"), ("linenumber", "12"))
    assert second.source == "Tom &amp; Jerry <i>mug</i>"
    assert second.target == "Tasse <i>Tom</i> &amp; Jerry"
    assert second.state == "approved"
    assert (third.id, third.target, third.state) == ("7a1e", "", "")
    assert read_xliff12(SAMPLES / "trados_like.sdlxliff") == doc


def test_xliff12_without_namespace_and_utf16(tmp_path: Path) -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?>\n<xliff version="1.2"><file original="a"'
        ' source-language="en" target-language="pl" datatype="plaintext"><body>'
        '<trans-unit id="1"><source>Zip  bag ✓</source><target>Torba  zip ✓</target>'
        "</trans-unit></body></file></xliff>"
    )
    path = tmp_path / "plain.xlf"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    unit = read_bilingual(path).units[0]
    assert (unit.source, unit.target, unit.tgt_lang) == ("Zip  bag ✓", "Torba  zip ✓", "pl")


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_version_is_detected_from_content_not_suffix(tmp_path: Path, version: str) -> None:
    doc = BilingualDocument("en", "it", [BilingualUnit("a", "Red <b>mug</b>", "Tazza", "en", "it")])
    for name in ("job.xlf", "job.xliff", "job.xml", "job.txt"):
        write_bilingual(tmp_path / name, doc, version=version)
        assert read_bilingual(tmp_path / name) == doc
    head = (tmp_path / "job.xlf").read_text(encoding="utf-8")[:300]
    assert f'version="{version}"' in head


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<xliff version='2.1' srcLang='en' trgLang='de'><file", "not well-formed"),
        ("", "not well-formed"),
        ("<tmx version='1.4'><body/></tmx>", "not an XLIFF file"),
        ("<xliff xmlns='urn:example' version='2.1'/>", "unknown XLIFF namespace"),
        ("<xliff version='3.0'/>", "unknown XLIFF namespace"),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='en'>"
            "<file id='f'/></xliff>",
            "srcLang and trgLang",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='1.2' srcLang='en'"
            " trgLang='de'><file id='f'/></xliff>",
            "unsupported XLIFF version",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='en'"
            " trgLang='de'/>",
            "no <file>",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='en'"
            " trgLang='de'><file id='f'><unit id='u'><segment><source>a<ph id='1' "
            "dataRef='d9'/></source></segment></unit></file></xliff>",
            "missing original data 'd9'",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:2.0' version='2.1' srcLang='en'"
            " trgLang='de'><file id='f'><unit id='u'><segment><source><cp hex='zz'/></source>"
            "</segment></unit></file></xliff>",
            "bad <cp",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'><file "
            "original='x' source-language='en'><body/></file></xliff>",
            "target-language",
        ),
        (
            "<xliff xmlns='urn:oasis:names:tc:xliff:document:1.2' version='1.2'><file "
            "original='x' source-language='en' target-language='de'><body><trans-unit id='1'>"
            "<target>x</target></trans-unit></body></file></xliff>",
            "no <source>",
        ),
    ],
)
def test_bad_files_give_one_line_input_errors(tmp_path: Path, text: str, message: str) -> None:
    path = _file(tmp_path, "bad.xlf", text)
    with pytest.raises(InputError, match=message) as caught:
        read_bilingual(path)
    assert "\n" not in str(caught.value)
    assert "bad.xlf" in str(caught.value)


@pytest.mark.parametrize("text", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(tmp_path: Path, text: str) -> None:
    path = _file(tmp_path, "bomb.xlf", text)
    with pytest.raises(InputError, match="refused"):
        read_bilingual(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_bilingual(tmp_path / "nope.xlf")
    with pytest.raises(InputError, match="folder"):
        read_bilingual(tmp_path)


def test_specific_reader_refuses_other_version(tmp_path: Path) -> None:
    doc = BilingualDocument("en", "de", [BilingualUnit("a", "Mug", "Tasse", "en", "de")])
    write_bilingual(tmp_path / "v12.xlf", doc, version="1.2")
    write_bilingual(tmp_path / "v21.xlf", doc, version="2.1")
    with pytest.raises(InputError, match="not an XLIFF 2 file"):
        read_xliff2(tmp_path / "v12.xlf")
    with pytest.raises(InputError, match=r"not an XLIFF 1\.2 file"):
        read_xliff12(tmp_path / "v21.xlf")
