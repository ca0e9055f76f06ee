from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.settings import Settings
from polyshelf.terms.attributes import ATTRIBUTE_MISSING_RULE, AttributeDictionaries
from polyshelf.terms.glossary import shipped_glossary_dir


@pytest.fixture
def shipped(term_settings: Settings) -> AttributeDictionaries:
    return AttributeDictionaries.load(term_settings)


@pytest.mark.parametrize(
    ("header", "attribute"),
    [
        ("Colour", "colour"),
        ("color (name)", "colour"),
        ("  Farbe ", "colour"),
        ("Size [EU]", "size"),
        ("MATERIALS", "material"),
        ("Material", "material"),
        ("Description", None),
        ("Colour code", None),
    ],
)
def test_attribute_for_column(
    shipped: AttributeDictionaries, header: str, attribute: str | None
) -> None:
    assert shipped.attribute_for_column(header) == attribute


@pytest.mark.parametrize(
    ("attribute", "value", "locale", "expected"),
    [
        ("colour", "Navy", "de-DE", "Marineblau"),
        ("colour", "navy", "fr-FR", "Bleu marine"),
        ("colour", "LIGHT  GREY", "fr", "Gris clair"),
        ("colour", "White", "de-AT", "Weiß"),
        ("colour", "White", "de-CH", "Weiss"),  # locale column
        ("colour", "Black", "de-CH", "Schwarz"),  # empty de-CH cell → de
        ("size", "Medium", "de", "Mittel"),
        ("size", "One size", "de-CH", "Einheitsgrösse"),
        ("material", "Oak veneer", "fr-BE", "Placage chêne"),
        ("material", "Stainless steel", "de", "Edelstahl"),
        ("colour", "Heather melange", "de", None),  # not in the dictionary
        ("colour", "Navy", "it", None),  # no Italian column
        ("finish", "Matt", "de", None),  # no such dictionary
    ],
)
def test_translate_lookups_and_fallbacks(
    shipped: AttributeDictionaries, attribute: str, value: str, locale: str, expected: str | None
) -> None:
    assert shipped.translate(attribute, value, locale) == expected


def test_shipped_dictionaries_are_complete_for_de_and_fr() -> None:
    for path in sorted((shipped_glossary_dir() / "attributes").glob("*.csv")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("source,de,fr"), path
        assert len(lines) > 40, path
        for line in lines[1:]:
            source, de, fr = line.split(",")[:3]
            assert source and de and fr, line


def test_project_dictionary_overrides_cells_and_adds_attributes(
    term_settings: Settings, term_project: Path
) -> None:
    folder = term_project / "glossaries" / "attributes"
    (folder / "colour.csv").write_text(
        "source,de,fr\nNavy,Navyblau,\nHeather grey,Graumeliert,Gris chiné\n"
    )
    (folder / "finish.csv").write_text("source,de,fr\nMatt,Matt,Mat\n", encoding="utf-8")
    dictionaries = AttributeDictionaries.load(term_settings)
    assert dictionaries.translate("colour", "navy", "de") == "Navyblau"
    assert dictionaries.translate("colour", "navy", "fr") == "Bleu marine"  # shipped cell kept
    assert dictionaries.translate("colour", "heather grey", "fr") == "Gris chiné"
    assert dictionaries.translate("colour", "Beige", "de") == "Beige"
    assert dictionaries.attribute_for_column("Finish (surface)") == "finish"
    assert dictionaries.translate("finish", "MATT", "fr-CH") == "Mat"
    assert ATTRIBUTE_MISSING_RULE == "attribute-not-in-dictionary"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("value,de\nNavy,Marineblau\n", "line 1: the first column must be 'source'"),
        ("source,german\nNavy,Marineblau\n", "line 1: column 'german' is not a language code"),
        ("source,de\n,Marineblau\n", "line 2: empty source value"),
        ("source,de\nNavy,Marineblau,Bleu\n", "line 2: more cells than columns"),
    ],
)
def test_malformed_project_dictionary(
    term_settings: Settings, term_project: Path, content: str, message: str
) -> None:
    (term_project / "glossaries" / "attributes" / "colour.csv").write_text(content)
    with pytest.raises(InputError, match=message):
        AttributeDictionaries.load(term_settings)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Men's BOLUND shirt, XS, Olive", ["XS", "Olive"]),
        ("Cushion cover, 20 x 20 in, Navy", ["Navy"]),
        ("Navy cushion cover", []),  # the first item is the product, not a variant
        ("Available in navy and white, for any room.", []),
        ("Sofa, Charcoal or Navy", []),  # only whole items
    ],
)
def test_find_variants_in_titles(
    shipped: AttributeDictionaries, text: str, found: list[str]
) -> None:
    spans = shipped.find_variants(text, "de")
    assert [text[start:end] for start, end, _ in spans] == found


def test_translate_variant(shipped: AttributeDictionaries) -> None:
    assert shipped.translate_variant("Olive", "fr") is not None
    assert shipped.translate_variant("Navy", "de-DE") == "Marineblau"
    assert shipped.translate_variant("Medium", "fr") == "Moyen"
    assert shipped.translate_variant("Soft cotton", "de") is None
