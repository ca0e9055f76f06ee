from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.settings import Settings
from polyshelf.terms.glossary import Glossary
from polyshelf.terms.model import Term, make_term
from polyshelf.terms.view import TermView


def term(source: str, target: str | None, tgt: str | None = "de", **kw: object) -> Term:
    return make_term(source, target, "en", tgt, **kw)  # type: ignore[arg-type]


def spans(view: TermView, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], kind) for s, e, kind in view.find_terms(text)]


def test_matches_ignore_case_and_respect_word_boundaries() -> None:
    view = TermView("de", (term("bookcase", "Bücherregal"), term("oak", "Eiche")))
    text = "Bookcase in oak veneer; BOOKCASES and soaked cloak not matched."
    assert spans(view, text) == [("Bookcase", "term"), ("oak", "term")]


def test_hyphenated_compounds_are_one_word() -> None:
    view = TermView("de", (term("shirt", "Hemd"),))
    assert spans(view, "Organic cotton T-shirt, a shirt for every day") == [("shirt", "term")]


def test_longest_match_wins_over_overlapping_shorter_one() -> None:
    view = TermView(
        "de",
        (term("solid oak", "Eiche massiv"), term("oak veneer table", "Tisch mit Eichenfurnier")),
    )
    text = "Solid oak veneer table with drawers"
    assert spans(view, text) == [("oak veneer table", "term")]


def test_multiword_term_matches_across_extra_whitespace() -> None:
    view = TermView("fr", (term("cushion cover", "housse de coussin", "fr"),))
    assert spans(view, "Velvet cushion\u00a0 cover, 50x50 cm") == [("cushion\u00a0 cover", "term")]


def test_case_sensitive_dnt_beats_case_insensitive_term() -> None:
    view = TermView(
        "de",
        (term("Apple", None, None, dnt=True, case_sensitive=True), term("apple", "Apfel")),
    )
    text = "Apple iPad stand in apple green"
    assert spans(view, text) == [("Apple", "dnt"), ("apple", "term")]
    assert view.render("Apple", "dnt") == "Apple"
    assert view.render("apple", "term") == "Apfel"
    assert view.dnt_terms == ("Apple",)


def test_render_keeps_sentence_capitalisation_sensibly() -> None:
    fr = TermView("fr", (term("bookcase", "bibliothèque", "fr"),))
    assert fr.render("bookcase", "term") == "bibliothèque"
    assert fr.render("Bookcase", "term") == "Bibliothèque"
    assert fr.render("BOOKCASE", "term") == "BIBLIOTHÈQUE"
    de = TermView("de", (term("machine washable", "maschinenwaschbar"),))
    assert de.render("Machine washable", "term") == "Maschinenwaschbar"
    with pytest.raises(ValueError, match="no term"):
        de.render("dishwasher safe", "term")


def test_keeps_capitals_unless_glossary_translates_the_word() -> None:
    view = TermView("de", (term("TV", "Fernseher"), term("HEMNES", None, None, dnt=True)))
    assert view.keeps_capitals("HEMNES")
    assert view.keeps_capitals("MÅLA")
    assert not view.keeps_capitals("TV")


@pytest.fixture
def market_glossary() -> Glossary:
    return Glossary.from_terms(
        [
            term("bookcase", "Bücherregal"),
            term("bookcase", "Büchergestell", market="de-CH"),
            term("bookcase", "Bücherstellage", market="de-AT"),
            term("tea towel", "Geschirrtuch"),
            term("tea towel", "Geschirrhangerl", "de-AT"),
            term("tea towel", "torchon", "fr"),
        ]
    )


@pytest.mark.parametrize(
    ("locale", "bookcase", "towel"),
    [
        ("de-CH", "Büchergestell", "Geschirrtuch"),
        ("de-AT", "Bücherstellage", "Geschirrhangerl"),
        ("de-DE", "Bücherregal", "Geschirrtuch"),
        ("de", "Bücherregal", "Geschirrtuch"),
    ],
)
def test_market_override_wins_only_in_its_market(
    market_glossary: Glossary, locale: str, bookcase: str, towel: str
) -> None:
    view = market_glossary.view("en", locale)
    assert view.render("bookcase", "term") == bookcase
    assert view.render("tea towel", "term") == towel
    assert len(view.terms) == 2


def test_view_leaves_out_other_languages(market_glossary: Glossary) -> None:
    assert [t.target for t in market_glossary.view("en", "fr-CH").terms] == ["torchon"]
    assert market_glossary.view("de", "fr").terms == ()


def test_project_entries_replace_shipped_ones(term_settings: Settings, term_project: Path) -> None:
    (term_project / "glossaries" / "en-de.csv").write_text(
        "source,target,market\nbookcase,Regal,\nbookcase,Büchergestell,de-CH\n", encoding="utf-8"
    )
    (term_project / "glossaries" / "brands.csv").write_text(
        "source,src_lang,dnt\nMÅLA,en,yes\n", encoding="utf-8"
    )
    glossary = Glossary.load(term_settings, "en")
    de = glossary.view("en", "de-DE")
    assert de.render("bookcase", "term") == "Regal"
    assert de.render("cushion cover", "term") == "Kissenbezug"  # shipped term still there
    assert glossary.view("en", "de-CH").render("bookcase", "term") == "Büchergestell"
    assert "MÅLA" in glossary.view("en", "fr").dnt_terms
    origins = {
        (e.term.source, e.term.market): e.origin
        for e in glossary.entries
        if e.term.tgt_lang == "de"
    }
    assert origins[("bookcase", None)] == "project"
    assert origins[("wardrobe", None)] == "shipped"
