from __future__ import annotations

import re
from collections import Counter

import pytest

from polyshelf.issues import Severity
from polyshelf.segment.cell import CellPlan, segment_cell
from tests.segment.helpers import identity, parsed_tags

PRODUCT_HTML = (
    "<p>Made of <b>solid pine</b>, a natural material.</p>"
    "<ul><li>Width: 23 1/2 in</li><li>Fits {name}'s bed</li></ul>"
)
WELL_FORMED_HTML = [
    PRODUCT_HTML,
    '<p>Tom &amp; Jerry&nbsp;set&#8482; by <a href="https://x.example/p?id=1&amp;b=2" '
    'title="A &quot;B&quot;">HEMNES</a>. Ships in 2 days!</p>',
    "<div class='desc'>\n  <h2>Care</h2>\n  <p>Machine wash at 40°C.<br>"
    "Do not <em>tumble dry</em>.</p>\n</div>",
    '<p>Article <span class="sku">702.619.70</span> — <i>Black-brown</i> 🌿</p><p>100%</p>',
    "<!DOCTYPE html><!-- note --><style>p { color: red; }</style><p>Hello <!-- x --> world.</p>"
    "<script>if (a < b) { x = '<p>' }</script>",
    "<table><tr><th>Size</th><td>KX-55B</td></tr><tr><td>Weight</td><td>1.5 kg</td></tr></table>",
    "<p><strong>Note:</strong> use only %s or %(n)d pieces per {0}.</p>",
    "<p dir='rtl'>כרית רכה מכותנה. <b>מידה</b> 40×40 ס\"מ.</p>",
    "<P>Mixed <B>Case</B> Tags</P>",
    "<p>SOFT COTTON <b>BATH</b> TOWEL, 2-PACK</p>",
    "<p>First sentence. <b>Bold second sentence. Third</b> sentence.</p>",
]
BROKEN_HTML = [
    "<p>Made of <b>solid pine, a natural material.</p>",
    "Stray </i> closing tag in <b>text</b>",
    "<p>Never closed paragraph with <em>emphasis</em>",
    'See <a href="x',
    '<p>Link <a href="https://x.example>here</a> now</p>',
    "<b><i>Crossed</b> tags</i> here",
    "<p>x <!-- unclosed comment",
    "<script>never closed",
]
PLAIN = [
    "SOFT COTTON BATH TOWEL, 2-PACK",
    "Soft towel.\nSecond line!\r\n\n  Indented line, KX-55B.  ",
    "Price: %s for %(n)d items; see https://shop.example/a?b=1 or mail info@shop.example.",
    "size < 5 and > 3, Tom & Jerry",
    "HEMNES chest, 702.619.70, 0017, ½ inch 🌿 ⟦0⟧ literal",
    "שלום עולם. זה טקסט בעברית 😀👍🏽",
    "—",
    "100%",
    "",
    "   ",
]


def fake_translate(text: str) -> str:
    """Changes every word, keeps tokens, digits and punctuation."""
    return re.sub(r"[^\W\d_]+", lambda match: "x" + match.group()[::-1], text)


def translate(plan: CellPlan) -> str:
    restored = [segment.restore(fake_translate(segment.text)) for segment in plan.segments]
    assert None not in restored
    return plan.render([text for text in restored if text is not None])


@pytest.mark.parametrize("cell", WELL_FORMED_HTML + BROKEN_HTML + PLAIN)
def test_identity_translation_round_trips(cell: str) -> None:
    assert identity(segment_cell(cell, "en")) == cell


@pytest.mark.parametrize("cell", WELL_FORMED_HTML + BROKEN_HTML)
def test_translation_keeps_tags_digits_and_well_formedness(cell: str) -> None:
    plan = segment_cell(cell, "en")
    assert plan.is_html
    output = translate(plan)
    assert Counter(parsed_tags(output)) == Counter(parsed_tags(cell))
    assert re.findall(r"\d", output) == re.findall(r"\d", cell)
    if cell in WELL_FORMED_HTML:
        assert not plan.issues
        assert parsed_tags(output) == parsed_tags(cell)


def test_product_description_segments() -> None:
    plan = segment_cell(PRODUCT_HTML, "en")
    assert plan.is_html
    assert [segment.text for segment in plan.segments] == [
        "Made of ⟦0⟧solid pine⟦1⟧, a natural material.",
        "Width: ⟦0⟧ ⟦1⟧ in",
        "Fits ⟦0⟧'s bed",
    ]
    assert [[(p.kind, p.original) for p in s.placeholders] for s in plan.segments] == [
        [("tag", "<b>"), ("tag", "</b>")],
        [("number", "23"), ("number", "1/2")],
        [("variable", "{name}")],
    ]
    translations = ["Aus ⟦0⟧massiver Kiefer⟦1⟧.", "Breite: ⟦0⟧ ⟦1⟧ Zoll", "Passt in ⟦0⟧s Bett"]
    restored = [s.restore(t) for s, t in zip(plan.segments, translations, strict=True)]
    assert restored == [
        "Aus <b>massiver Kiefer</b>.",
        "Breite: 23 1/2 Zoll",
        "Passt in {name}s Bett",
    ]
    assert plan.render([text or "" for text in restored]) == (
        "<p>Aus <b>massiver Kiefer</b>.</p><ul><li>Breite: 23 1/2 Zoll</li>"
        "<li>Passt in {name}s Bett</li></ul>"
    )


def test_entities_and_attributes() -> None:
    plan = segment_cell(WELL_FORMED_HTML[1], "en")
    first = plan.segments[0]
    assert first.text == "Tom & Jerry\xa0set⟦0⟧ by ⟦1⟧⟦2⟧⟦3⟧."
    assert [p.original for p in first.placeholders] == [
        "&#8482;",
        '<a href="https://x.example/p?id=1&amp;b=2" title="A &quot;B&quot;">',
        "HEMNES",
        "</a>",
    ]
    assert first.restore("Tom & Jerry\xa0Set⟦0⟧ von ⟦1⟧⟦2⟧⟦3⟧.") == (
        'Tom &amp; Jerry&nbsp;Set&#8482; von <a href="https://x.example/p?id=1&amp;b=2" '
        'title="A &quot;B&quot;">HEMNES</a>.'
    )


def test_blocks_and_breaks_are_not_sent_to_mt() -> None:
    plan = segment_cell(WELL_FORMED_HTML[2], "en")
    assert [segment.text for segment in plan.segments] == [
        "Care",
        "Machine wash at ⟦0⟧°C.",
        "Do not ⟦0⟧tumble dry⟦1⟧.",
    ]


def test_comments_scripts_styles_and_doctype_are_never_translated() -> None:
    plan = segment_cell(WELL_FORMED_HTML[4], "en")
    assert [segment.text for segment in plan.segments] == ["Hello ⟦0⟧ world."]
    assert plan.segments[0].placeholders[0].original == "<!-- x -->"
    output = translate(plan)
    assert "<style>p { color: red; }</style>" in output
    assert "<script>if (a < b) { x = '<p>' }</script>" in output


def test_text_without_letters_is_copied() -> None:
    plan = segment_cell(WELL_FORMED_HTML[3], "en")
    assert [segment.text for segment in plan.segments] == [
        "Article ⟦0⟧⟦1⟧⟦2⟧ — ⟦3⟧Black-brown⟦4⟧ ⟦5⟧"
    ]
    for cell in ["—", "100%", "12 × 40", "KX-55B", "https://x.example", " "]:
        assert segment_cell(cell, "en").segments == []


def test_sentences_and_whitespace_between_them() -> None:
    plan = segment_cell("Soft towel.  Dries fast! Mr. Smith likes it.\n\nNew line", "en")
    assert [segment.text for segment in plan.segments] == [
        "Soft towel.",
        "Dries fast!",
        "Mr. Smith likes it.",
        "New line",
    ]
    assert plan.render(["A.", "B!", "C.", "D"]) == "A.  B! C.\n\nD"


def test_tags_spanning_sentences() -> None:
    plan = segment_cell(WELL_FORMED_HTML[-1], "en")
    assert [segment.text for segment in plan.segments] == [
        "First sentence.",
        "Bold second sentence.",
        "Third⟦0⟧ sentence.",
    ]
    restored = [
        s.restore(t) or ""
        for s, t in zip(plan.segments, ["Eins.", "Zwei.", "Drei⟦0⟧ Satz."], strict=True)
    ]
    assert plan.render(restored) == "<p>Eins. <b>Zwei. Drei</b> Satz.</p>"


def test_html_detection() -> None:
    assert not segment_cell("size < 5 and > 3", "en").is_html
    assert not segment_cell("Tom & Jerry <3 x<y>z", "en").is_html
    assert segment_cell("Tom &amp; Jerry", "en").is_html
    assert segment_cell("a<br>b", "en").is_html


@pytest.mark.parametrize("cell", BROKEN_HTML)
def test_broken_html_is_reported(cell: str) -> None:
    plan = segment_cell(cell, "en")
    assert plan.issues
    assert {issue.rule_id for issue in plan.issues} == {"html-malformed"}
    assert {issue.severity for issue in plan.issues} == {Severity.WARNING}
    assert all(issue.span is not None for issue in plan.issues)


def test_broken_tag_text_is_not_translated() -> None:
    plan = segment_cell('See <a href="x', "en")
    assert [segment.text for segment in plan.segments] == ["See"]
    assert plan.render(["Siehe"]) == 'Siehe <a href="x'


def test_all_caps_title() -> None:
    plan = segment_cell("SOFT COTTON BATH TOWEL, 2-PACK", "en")
    (segment,) = plan.segments
    assert segment.text == "Soft cotton bath towel, ⟦0⟧-pack"
    assert segment.recase == "upper"
    assert plan.render([segment.restore("Weiches Badetuch, ⟦0⟧er-Pack") or ""]) == (
        "WEICHES BADETUCH, 2ER-PACK"
    )
    # One capitals word is a name, not a shouted sentence.
    assert segment_cell("HEMNES", "en").segments == []
    assert segment_cell("HEMNES chest", "en").segments[0].text == "⟦0⟧ chest"


def test_long_sentence_is_split_without_loss() -> None:
    words = [f"word{n % 10}" if n % 9 else "pine" for n in range(180)]
    sentence = " ".join(words)
    assert len(sentence) > 1000
    plan = segment_cell(sentence, "en", max_chars=300)
    assert len(plan.segments) >= 4
    assert all(len(segment.text) <= 300 for segment in plan.segments)
    assert identity(plan) == sentence


def test_long_sentence_prefers_separators() -> None:
    clause = "soft and warm cotton for every bed in the house"
    sentence = "; ".join([clause] * 4) + ", " + ", ".join([clause] * 6)
    plan = segment_cell(sentence, "en", max_chars=120)
    assert all(len(segment.text) <= 120 for segment in plan.segments)
    assert plan.segments[0].text.endswith(";")
    assert identity(plan) == sentence


def test_long_sentence_never_cuts_a_url() -> None:
    url = "https://x.example/" + "a" * 80
    sentence = " ".join(["word"] * 15 + [url] + ["word"] * 15)
    plan = segment_cell(sentence, "en", max_chars=100)
    assert all(len(segment.text) <= 100 for segment in plan.segments)
    assert all("http" not in segment.text for segment in plan.segments)
    assert f" {url} " in translate(plan)
    assert identity(plan) == sentence


def test_dnt_terms() -> None:
    plan = segment_cell("<p>The Pine Line shelf in pine.</p>", "en", dnt_terms=["Pine Line"])
    (segment,) = plan.segments
    assert segment.text == "The ⟦0⟧ shelf in pine."
    assert segment.placeholders[0].kind == "dnt"


@pytest.mark.parametrize("language", ["de", "fr-FR", "pt_BR", "xx", "zh"])
def test_languages_pysbd_lacks_fall_back(language: str) -> None:
    cell = "Erste Zeile. Zweite Zeile!"
    assert identity(segment_cell(cell, language)) == cell


def test_render_needs_one_translation_per_segment() -> None:
    plan = segment_cell("One. Two.", "en")
    with pytest.raises(ValueError):
        plan.render(["Eins."])
