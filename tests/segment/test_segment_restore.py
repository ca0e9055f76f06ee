from __future__ import annotations

import pytest

from polyshelf.segment.cell import segment_cell
from polyshelf.segment.placeholders import Placeholder
from polyshelf.segment.segment import Segment


def only_segment(text: str, **kwargs: object) -> Segment:
    plan = segment_cell(text, "en", **kwargs)  # type: ignore[arg-type]
    assert len(plan.segments) == 1, plan.segments
    return plan.segments[0]


def test_segment_text_and_source() -> None:
    segment = only_segment("Soft <b>cushion</b> for {name} 🌿 now")
    assert segment.text == "Soft ⟦0⟧cushion⟦1⟧ for ⟦2⟧ ⟦3⟧ now"
    assert segment.source == "Soft <b>cushion</b> for {name} 🌿 now"
    assert segment.recase is None
    assert [p.kind for p in segment.placeholders] == ["tag", "tag", "variable", "symbol"]


def test_restore_fixes_whitespace_next_to_tokens() -> None:
    segment = only_segment("Soft <b>cushion</b> for {name} 🌿 now")
    assert segment.restore("Weiches ⟦0⟧ Kissen ⟦1⟧ für ⟦2⟧ ⟦3⟧ jetzt") == (
        "Weiches <b>Kissen</b> für {name} 🌿 jetzt"
    )
    assert segment.restore("Weiches⟦0⟧Kissen⟦1⟧für⟦2⟧⟦3⟧jetzt") == (
        "Weiches <b>Kissen</b> für {name} 🌿 jetzt"
    )


def test_restore_keeps_moved_tokens() -> None:
    segment = only_segment("Soft <b>cushion</b> for {name} 🌿 now")
    assert segment.restore("⟦3⟧ Für ⟦2⟧: weiches ⟦0⟧Kissen⟦1⟧") == (
        "🌿 Für {name}: weiches <b>Kissen</b>"
    )


def test_restore_tolerates_spaces_inside_tokens() -> None:
    segment = only_segment("Soft <b>cushion</b> for {name} 🌿 now")
    assert segment.restore("Weiches ⟦ 0 ⟧Kissen⟦1 ⟧ für ⟦2⟧ ⟦3⟧ jetzt") == (
        "Weiches <b>Kissen</b> für {name} 🌿 jetzt"
    )


@pytest.mark.parametrize(
    "translation",
    [
        "Weiches ⟦0⟧Kissen⟦1⟧ für ⟦2⟧ jetzt",  # dropped
        "Weiches ⟦0⟧Kissen⟦1⟧ für ⟦2⟧ ⟦3⟧ ⟦3⟧ jetzt",  # duplicated
        "Weiches ⟦0⟧Kissen⟦1⟧ für ⟦2⟧ ⟦3⟧ ⟦4⟧",  # unknown
        "Weiches ⟦1⟧Kissen⟦0⟧ für ⟦2⟧ ⟦3⟧ jetzt",  # closing tag before opening tag
        "",
    ],
)
def test_restore_returns_none_for_broken_tokens(translation: str) -> None:
    segment = only_segment("Soft <b>cushion</b> for {name} 🌿 now")
    assert segment.restore(translation) is None


def test_restore_refuses_crossed_tag_pairs_but_accepts_reordered_nested_ones() -> None:
    segment = only_segment("Get <b>soft</b> and <i>warm</i> towels")
    assert segment.text == "Get ⟦0⟧soft⟦1⟧ and ⟦2⟧warm⟦3⟧ towels"
    assert segment.restore("⟦2⟧Warme⟦3⟧ und ⟦0⟧weiche⟦1⟧ Tücher") == (
        "<i>Warme</i> und <b>weiche</b> Tücher"
    )
    assert segment.restore("⟦0⟧Weiche ⟦2⟧und⟦1⟧ warme⟦3⟧ Tücher") is None


def test_whole_sentence_tag_pair_stays_outside_the_segment() -> None:
    plan = segment_cell("<p><strong>Solid pine cushion.</strong></p>", "en")
    assert [s.text for s in plan.segments] == ["Solid pine cushion."]
    assert plan.render(["Kissen aus Kiefer."]) == "<p><strong>Kissen aus Kiefer.</strong></p>"


def test_all_caps_sentence_goes_to_mt_in_sentence_case() -> None:
    segment = only_segment("SOFT COTTON BATH TOWEL, 2-PACK")
    assert segment.text == "Soft cotton bath towel, ⟦0⟧-pack"
    assert segment.recase == "upper"
    assert segment.restore("Weiches Badetuch aus Baumwolle, ⟦0⟧er-Pack") == (
        "WEICHES BADETUCH AUS BAUMWOLLE, 2ER-PACK"
    )
    assert segment.restore(segment.text) == "SOFT COTTON BATH TOWEL, 2-PACK"


def test_all_caps_keeps_placeholder_originals_as_they_are() -> None:
    segment = only_segment("NEW: SEE https://shop.example/Sale FOR {name}")
    assert segment.recase == "upper"
    assert segment.text == "New: see ⟦0⟧ for ⟦1⟧"
    assert (
        segment.restore("Neu: siehe ⟦0⟧ für ⟦1⟧")
        == "NEU: SIEHE https://shop.example/Sale FÜR {name}"
    )


def test_html_restore_escapes_text_and_reuses_source_entities() -> None:
    segment = only_segment("Salt &amp; pepper&nbsp;mill <i>set</i> &#8482;")
    assert segment.text == "Salt & pepper\xa0mill ⟦0⟧set⟦1⟧ ⟦2⟧"
    assert segment.restore("Salz & Pfeffer\xa0mühle <3 ⟦0⟧Set⟦1⟧ ⟦2⟧") == (
        "Salz &amp; Pfeffer&nbsp;mühle &lt;3 <i>Set</i> &#8482;"
    )


def test_fallback_parts_and_render_fallback_keep_every_protected_span() -> None:
    segment = only_segment("Soft <b>cushion</b>, for {name}: see https://x.example now!")
    parts = segment.fallback_parts()
    assert parts == [
        "Soft",
        Placeholder(0, "<b>", "tag"),
        "cushion",
        Placeholder(1, "</b>", "tag"),
        "for",
        Placeholder(2, "{name}", "variable"),
        "see",
        Placeholder(3, "https://x.example", "url"),
        "now",
    ]
    pieces = [part for part in parts if isinstance(part, str)]
    assert segment.render_fallback(pieces) == segment.source
    translated = ["Weiches", "Kissen", "für", "siehe", "jetzt"]
    assert segment.render_fallback(translated) == (
        "Weiches <b>Kissen</b>, für {name}: siehe https://x.example jetzt!"
    )
    with pytest.raises(ValueError):
        segment.render_fallback(translated[:-1])


def test_render_fallback_recases_and_escapes() -> None:
    segment = only_segment("<p>SOFT TOWEL &amp; <b>BATH</b> MAT</p>")
    assert segment.recase == "upper"
    translated = ["Weiches Tuch", "Bad", "matte"]
    assert [p for p in segment.fallback_parts() if isinstance(p, str)] == [
        "Soft towel",
        "bath",
        "mat",
    ]
    assert segment.render_fallback(translated) == "WEICHES TUCH &amp; <b>BAD</b> MATTE"


def test_segments_are_hashable_and_equal_for_equal_source() -> None:
    first = segment_cell("<p>Soft cushion with {name}.</p>", "en").segments[0]
    second = segment_cell("Soft cushion with {name}.", "en").segments[0]
    third = segment_cell("Soft cushion with {other}.", "en").segments[0]
    assert first.text == second.text
    assert len({first, segment_cell("<p>Soft cushion with {name}.</p>", "en").segments[0]}) == 1
    assert first != third


def test_segment_can_be_built_from_text_and_placeholders() -> None:
    segment = Segment("Hello ⟦0⟧", (Placeholder(0, "{name}", "variable"),))
    assert segment.source == "Hello {name}"
    assert segment.restore("Hallo ⟦0⟧") == "Hallo {name}"
    with pytest.raises(ValueError):
        Segment("Hello ⟦1⟧", (Placeholder(0, "{name}", "variable"),))


def test_no_space_is_added_next_to_scripts_without_spaces() -> None:
    segment = only_segment("Buy {n} now")
    assert segment.restore("今すぐ⟦0⟧を購入") == "今すぐ{n}を購入"


def test_restore_of_a_hand_built_tag_segment() -> None:
    segment = Segment(
        "⟦0⟧cushion⟦1⟧",
        (Placeholder(0, "<b>", "tag"), Placeholder(1, "</b>", "tag")),
        html=True,
    )
    assert segment.restore("⟦0⟧ Kissen ⟦1⟧") == "<b>Kissen</b>"
    assert segment.restore("⟦0⟧Kissen⟦1⟧") == "<b>Kissen</b>"
    assert segment.restore("⟦1⟧ Kissen ⟦0⟧") is None


def test_capital_words_in_an_all_caps_sentence_are_not_placeholders() -> None:
    segment = only_segment("IKEA HEMNES CHEST OF DRAWERS KX-55B")
    assert segment.recase == "upper"
    assert segment.text == "Ikea hemnes chest of drawers ⟦0⟧"
    assert [p.kind for p in segment.placeholders] == ["code"]
    # Glossary terms stay protected even there.
    segment = only_segment("IKEA HEMNES CHEST OF DRAWERS", dnt_terms=["HEMNES"])
    assert segment.text == "Ikea ⟦0⟧ chest of drawers"


def test_render_fallback_keeps_source_punctuation_the_piece_lost() -> None:
    # "XS" is protected; ", Olive" came back from the model as "Oliv" without its comma.
    segment = only_segment("Men's BOLUND shirt, XS, Olive")
    pieces = [p for p in segment.fallback_parts() if isinstance(p, str)]
    assert pieces == ["Men's", "shirt", "Olive"]
    assert segment.render_fallback(["Herren", "Hemd", "Oliv"]) == "Herren BOLUND Hemd, XS, Oliv"


def test_punctuation_between_neighbour_tokens_comes_back() -> None:
    segment = only_segment("Fits 10-12 shelves.")
    assert segment.text == "Fits ⟦0⟧-⟦1⟧ shelves."
    # The model dropped the dash between the two numbers of the range.
    assert segment.restore("Passt in ⟦0⟧ ⟦1⟧ Regale.") == "Passt in 10-12 Regale."
    assert segment.restore("Passt in ⟦0⟧⟦1⟧ Regale.") == "Passt in 10-12 Regale."
    # Not neighbours in the source: nothing to bring back.
    assert segment.restore("⟦1⟧ ⟦0⟧ Regale.") == "12 10 Regale."
