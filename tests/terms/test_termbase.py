from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.terms.model import Term, make_term
from polyshelf.terms.termbase import read_termbase, write_termbase

TERMS = [
    make_term("bookcase", "Bücherregal", "en", "de"),
    make_term("bookcase", "Büchergestell", "en", "de", market="de-CH", note="CH usage"),
    make_term("cushion cover", "housse de coussin", "en", "fr"),
    make_term("HEMNES", None, "en", None, dnt=True, case_sensitive=True),
    make_term("Smart Home Hub", None, "en", "de", dnt=True, note='brand, "as is"'),
]


@pytest.mark.parametrize("suffix", [".csv", ".tbx"])
def test_export_then_import_gives_the_same_terms(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"export{suffix}"
    write_termbase(path, TERMS)
    assert read_termbase(path) == TERMS
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_minimal_csv_takes_languages_from_file_name(tmp_path: Path) -> None:
    path = tmp_path / "en-de-CH.csv"
    path.write_text("\ufeffSource,Target\nbookcase,Büchergestell\n\n  chest of drawers , Kommode\n")
    assert read_termbase(path) == [
        Term("bookcase", "Büchergestell", "en", "de", "de-CH"),
        Term("chest of drawers", "Kommode", "en", "de", "de-CH"),
    ]


def test_arguments_fill_languages_of_unnamed_csv(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text("source,target,dnt\nsofa bed,canapé-lit,\nKIVIK,,yes\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"terms\.csv, line 2: no source language"):
        read_termbase(path)
    terms = read_termbase(path, tgt_lang="fr", default_src_lang="en")
    assert terms == [
        Term("sofa bed", "canapé-lit", "en", "fr"),
        Term("KIVIK", None, "en", "fr", dnt=True),
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("source,trget\nbookcase,Regal\n", r"line 1: unknown column 'trget'"),
        ("target\nRegal\n", r"no 'source' column"),
        ("source,target\nbookcase,\n", r"line 2: term 'bookcase' has no target"),
        ("source,target,dnt\nPAX,PAX,maybe\n", r"line 2: 'maybe' is not yes/no"),
        ("source,target,dnt\nPAX,Pax-Schrank,yes\n", r"line 2: do-not-translate term 'PAX'"),
        ("source,target\nbookcase,Regal,extra\n", r"line 2: more cells than columns"),
        ("source,target,market\nbookcase,Regal,fr-CH\n", r"line 2: market fr-CH is not a de"),
        ("", r"empty termbase"),
    ],
)
def test_malformed_csv_names_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "en-de.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_termbase(path)


TBX_V2 = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX-Basic" xml:lang="en-US">
  <martifHeader><fileDesc><sourceDesc><p>From a CAT tool</p></sourceDesc></fileDesc>
  </martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">Furniture</descrip>
      <langSet xml:lang="en-US">
        <tig><term>chest of drawers</term>
          <termNote type="partOfSpeech">noun</termNote></tig>
        <tig><term>dresser</term></tig>
      </langSet>
      <langSet xml:lang="de-DE">
        <tig><term>Schubladenschrank</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
        <tig><term>Kommode</term>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
      </langSet>
      <langSet xml:lang="fr-FR">
        <ntig><termGrp><term>commode</term></termGrp></ntig>
      </langSet>
    </termEntry>
    <termEntry id="c2">
      <note>product family name</note>
      <descrip type="doNotTranslate">yes</descrip>
      <langSet xml:lang="en"><tig><term>BILLY</term></tig></langSet>
    </termEntry>
    <termEntry id="c3">
      <langSet xml:lang="nl-NL"><tig><term>ladekast</term></tig></langSet>
    </termEntry>
  </body></text>
</martif>
"""

TBX_V3 = """<?xml version="1.0" encoding="UTF-8"?>
<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">
  <tbxHeader><fileDesc><sourceDesc><p>v3</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="tea-towel">
      <langSec xml:lang="en"><termSec><term>tea towel</term></termSec></langSec>
      <langSec xml:lang="de"><termSec><term>Geschirrtuch</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_as_a_cat_tool_writes_it(tmp_path: Path) -> None:
    path = tmp_path / "furniture.tbx"
    path.write_text(TBX_V2, encoding="utf-8")
    terms = read_termbase(path)
    assert terms == [
        # de-DE/fr-FR are how CAT tools name German and French: the whole language.
        Term("chest of drawers", "Kommode", "en", "de"),
        Term("dresser", "Kommode", "en", "de"),
        Term("chest of drawers", "commode", "en", "fr"),
        Term("dresser", "commode", "en", "fr"),
        Term("BILLY", None, "en", None, dnt=True, note="product family name"),
    ]
    only_fr = read_termbase(path, tgt_lang="fr")
    assert {t.target for t in only_fr} == {"commode", None}


def test_tbx_regional_langsets_are_market_overrides(tmp_path: Path) -> None:
    path = tmp_path / "markets.tbx"
    entry = (
        "<termEntry><langSet xml:lang='en'><tig><term>bookcase</term></tig></langSet>"
        "<langSet xml:lang='{0}'><tig><term>{1}</term></tig></langSet></termEntry>"
    )
    entries = [entry.format(*pair) for pair in (("de-DE", "Regal"), ("de-CH", "Gestell"))]
    path.write_text(f"<martif xml:lang='en'><text><body>{''.join(entries)}</body></text></martif>")
    assert [(t.target, t.market) for t in read_termbase(path)] == [
        ("Regal", None),
        ("Gestell", "de-CH"),
    ]
    path.write_text(path.read_text().replace("</body>", entry.format("de", "Bord") + "</body>"))
    assert [(t.target, t.market) for t in read_termbase(path)] == [
        ("Regal", "de-DE"),
        ("Gestell", "de-CH"),
        ("Bord", None),
    ]


def test_tbx_v3_with_namespace(tmp_path: Path) -> None:
    path = tmp_path / "v3.tbx"
    path.write_text(TBX_V3, encoding="utf-8")
    assert read_termbase(path) == [Term("tea towel", "Geschirrtuch", "en", "de")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<martif><text><body><termEntry>", r"not well-formed XML at line 1"),
        ("<tmx version='1.4'/>", r"not a TBX file \(root element <tmx>\)"),
        (
            "<martif xml:lang='en'><text><body><termEntry id='e7'><langSet>"
            "<tig><term>sofa</term></tig></langSet></termEntry></body></text></martif>",
            r"<termEntry> e7: <langSet> without xml:lang",
        ),
        (
            "<martif xml:lang='en'><text><body><termEntry><langSet xml:lang='en'>"
            "<tig></tig></langSet></termEntry></body></text></martif>",
            r"<termEntry> #1: <tig> without a <term>",
        ),
        (
            '<!DOCTYPE m [<!ENTITY x "boom">]><martif xml:lang="en">&x;</martif>',
            r"refused unsafe XML",
        ),
        ("<martif><text/></martif>", r"no source language"),
    ],
)
def test_malformed_tbx_is_an_input_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_termbase(path)


def test_unknown_format_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"unsupported termbase format '\.xlsx'"):
        read_termbase(tmp_path / "terms.xlsx")
    with pytest.raises(InputError, match="termbase not found"):
        read_termbase(tmp_path / "en-de.csv")
    with pytest.raises(InputError, match="output folder does not exist"):
        write_termbase(tmp_path / "missing" / "en-de.tbx", TERMS)
