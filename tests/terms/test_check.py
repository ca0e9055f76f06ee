from __future__ import annotations

import pytest

from polyshelf.issues import Severity
from polyshelf.terms.check import check_terms, contains_term
from polyshelf.terms.model import make_term
from polyshelf.terms.view import TermView

DE = TermView(
    "de-DE",
    (
        make_term("bookcase", "Bücherregal", "en", "de"),
        make_term("cushion cover", "Kissenbezug", "en", "de"),
        make_term("wardrobe", "Kleiderschrank", "en", "de"),
        make_term("Smart Home Hub", None, "en", None, dnt=True),
        make_term("TV", "Fernseher", "en", "de"),
    ),
)
FR = TermView("fr-FR", (make_term("cushion cover", "housse de coussin", "en", "fr"),))


def rules(issues: list) -> list[tuple[str, str]]:
    return [(issue.rule_id, issue.params["term"]) for issue in issues]


def test_clean_translation_has_no_issues() -> None:
    source = "HEMNES bookcase with 2 glass doors, works with the Smart Home Hub."
    target = "HEMNES Bücherregal mit 2 Glastüren, kompatibel mit dem Smart Home Hub."
    assert check_terms(source, target, DE) == []


def test_dnt_term_translated_by_mt_is_an_error() -> None:
    source = "Control the lights with the Smart Home Hub."
    target = "Steuern Sie das Licht mit dem intelligenten Hausknoten."
    [issue] = check_terms(source, target, DE)
    assert issue.rule_id == "glossary-dnt"
    assert issue.severity is Severity.ERROR
    assert issue.span == (28, 42)
    assert issue.params == {"term": "Smart Home Hub", "expected": "Smart Home Hub"}
    assert "Smart Home Hub" in issue.message


def test_missing_glossary_target_names_term_and_expected_text() -> None:
    source = "Wardrobe with sliding doors"
    target = "Schrank mit Schiebetüren"
    [issue] = check_terms(source, target, DE)
    assert issue.rule_id == "glossary-term"
    assert issue.severity is Severity.WARNING
    assert issue.params == {"term": "Wardrobe", "expected": "Kleiderschrank"}


def test_inflected_and_compound_targets_are_accepted() -> None:
    source = "Velvet cushion cover that matches the bookcase and the wardrobe"
    target = "Samtkissenbezug, passend zu Bücherregalen und Kleiderschränken"
    assert check_terms(source, target, DE) == []
    source = "Linen cushion cover, 40x40 cm"
    assert check_terms(source, "Housses de coussin en lin, 40x40 cm", FR) == []
    assert rules(check_terms(source, "Taie en lin, 40x40 cm", FR)) == [
        ("glossary-term", "cushion cover")
    ]


def test_capitals_product_name_lost_in_translation() -> None:
    source = "MÅLA easel, adjustable height"
    issues = check_terms(source, "Staffelei, höhenverstellbar", DE)
    assert rules(issues) == [("dnt-capitals", "MÅLA")]
    assert issues[0].span == (0, 4)
    assert check_terms(source, "MÅLA Staffelei, höhenverstellbar", DE) == []
    assert check_terms("HEMNES bookcase", "HEMNES-Bücherregal", DE) == []


def test_capitals_word_the_glossary_translates_is_checked_as_a_term() -> None:
    source = "Wall mount for TV up to 55 inches"
    assert check_terms(source, "Wandhalterung für Fernseher bis 55 Zoll", DE) == []
    assert rules(check_terms(source, "Wandhalterung für TV bis 55 Zoll", DE)) == [
        ("glossary-term", "TV")
    ]


def test_all_caps_source_is_not_treated_as_product_names() -> None:
    assert check_terms("SOFT COTTON BATH TOWEL", "WEICHES BADETUCH", DE) == []


@pytest.mark.parametrize(
    ("text", "expected", "found"),
    [
        ("Zwei Schränke aus Eiche", "Schrank", True),
        ("Schranktür aus Eiche", "Schrank", True),
        ("Lot de 2 housses de coussin", "housse de coussin", True),
        ("Lot de 2 housses pour coussin", "housse de coussin", False),
        ("Ein Tischchen", "Tisch", True),
        ("Ein Sofa", "Bett", False),
    ],
)
def test_contains_term_inflection_tolerance(text: str, expected: str, found: bool) -> None:
    assert contains_term(text, expected, "fr" if "housse" in expected else "de") is found
