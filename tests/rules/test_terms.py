"""Forbidden and sensitive terms, required phrases."""

from __future__ import annotations

import pytest

from polyshelf.rules.checks.terms import compile_terms
from tests.rules.contract import Case, RuleContract

REPLACE_TERMS = {
    "terms": [
        {"term": "Handy", "replacement": "Smartphone", "reason": "Markenvorgabe"},
        {"term": "gratis*", "reason": "'kostenlos' schreiben"},
        {"regex": r"\b100\s?% sicher\b", "reason": "absolute claim"},
    ]
}


class TestForbiddenTerm(RuleContract):
    rule_id = "forbidden-term"
    cases = (
        Case("Dieses Shirt ist klimaneutral produziert.", 1),
        Case("Klimaneutrale Herstellung", 1),
        Case("Hülle für jedes Handy", 1, "Hülle für jedes Smartphone", params=REPLACE_TERMS),
        Case(
            "Handy-Hülle, gratis Versand",
            2,
            "Smartphone-Hülle, gratis Versand",
            params=REPLACE_TERMS,
        ),
        Case("HANDY HÜLLE", 1, "SMARTPHONE HÜLLE", params=REPLACE_TERMS),
        Case("Schloss 100 % sicher", 1, params=REPLACE_TERMS),
        # Whole words only; not inside URLs or tag attributes.
        Case("Handytasche aus Leder", 0, params=REPLACE_TERMS),
        Case('<a href="/handy">Zubehör</a>', 0, params=REPLACE_TERMS, is_html=True),
        Case("Our favorite gray mug", 2, "Our favourite grey mug", locale="en-GB"),
        Case("Our favourite grey mug", 0, locale="en-GB"),
        Case(
            "Envoyez un e-mail à info@example.ca",
            1,
            "Envoyez un courriel à info@example.ca",
            locale="fr-CA",
        ),
    )


class TestSensitiveTerm(RuleContract):
    rule_id = "sensitive-term"
    cases = (
        Case("Antibakterielle Beschichtung, hypoallergen", 2),
        Case("Umweltfreundliche Verpackung", 1),
        Case("Un savon naturel et écologique", 2, locale="fr-FR"),
        Case("Eco-friendly and non-toxic paint", 2, locale="en-GB"),
        Case("Robuste Verpackung aus Karton", 0),
    )


REQUIRED = {"column": "Description*", "phrase": "Batterie nicht im Hausmüll entsorgen"}


class TestRequiredPhrase(RuleContract):
    rule_id = "required-phrase"
    cases = (
        Case("Akku-Bohrschrauber mit 2 Akkus.", 1, source="Cordless drill.", params=REQUIRED),
        Case(
            "Akku-Bohrschrauber. batterie nicht im Hausmüll entsorgen.",
            0,
            source="Cordless drill.",
            params=REQUIRED,
        ),
        Case("Akku-Bohrschrauber", 0, source="Cordless drill", params=REQUIRED, column="Name"),
        Case(
            "Bohrschrauber",
            1,
            source="Drill",
            params=REQUIRED,
            column="description (long)",
        ),
        Case("", 0, source="", params=REQUIRED),
    )


@pytest.mark.parametrize(
    "entries",
    [
        "Handy",
        [{"term": "a", "regex": "b"}],
        [{"regex": "("}],
        [{"term": "Handy", "replacement": "Ihr Handy"}],
        [{"term": "x", "colour": "red"}],
    ],
)
def test_bad_term_entries_are_refused(entries: object) -> None:
    with pytest.raises(ValueError):
        compile_terms(entries, allow_replacement=True)
