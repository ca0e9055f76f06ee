"""Extra span finders and per-locale rendering of protected spans at restore time."""

from __future__ import annotations

import re

from polyshelf.segment.cell import segment_cell

_INCHES = re.compile(r"\d+ in\b")


def inches(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "measure") for m in _INCHES.finditer(text)]


def cushion(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), "term") for m in re.finditer(r"(?i)\bcushion\b", text)]


def render(kind: str, original: str) -> str:
    if kind == "measure":
        return f"{round(int(original.split()[0]) * 2.54)} cm"
    if kind == "term":
        return "Kissen"
    return original


def test_finder_spans_become_placeholders_and_render_for_the_target() -> None:
    plan = segment_cell("A 20 in cushion for HEMNES.", "en", finders=(inches, cushion))
    [segment] = plan.segments
    assert segment.text == "A ⟦0⟧ ⟦1⟧ for ⟦2⟧."
    assert [p.kind for p in segment.placeholders] == ["measure", "term", "dnt"]
    assert segment.restore("Ein ⟦0⟧ ⟦1⟧ für ⟦2⟧.", render) == "Ein 51 cm Kissen für HEMNES."
    # Without a renderer the originals come back.
    assert segment.restore("Ein ⟦0⟧ ⟦1⟧ für ⟦2⟧.") == "Ein 20 in cushion für HEMNES."


def test_finders_win_over_numbers_and_codes() -> None:
    [segment] = segment_cell("Fits 12 in and 14 in frames", "en", finders=(inches,)).segments
    assert [p.original for p in segment.placeholders] == ["12 in", "14 in"]


def test_keep_capitals_false_lets_a_capitals_word_be_translated() -> None:
    plain = segment_cell("A SOFA for you", "en").segments[0]
    assert [p.original for p in plain.placeholders] == ["SOFA"]
    translated = segment_cell("A SOFA for you", "en", keep_capitals=lambda w: w != "SOFA")
    assert translated.segments[0].placeholders == ()


def test_html_rendering_is_escaped_and_tags_are_never_rendered() -> None:
    plan = segment_cell("<p>A <b>20 in</b> cushion &amp; more</p>", "en", finders=(inches, cushion))
    [segment] = plan.segments

    def fancy(kind: str, original: str) -> str:
        return "51 cm <approx>" if kind == "measure" else render(kind, original)

    translation = segment.text.replace("A", "Ein").replace("more", "mehr")
    restored = segment.restore(translation, fancy)
    assert restored is not None
    assert "<b>51 cm &lt;approx&gt;</b>" in restored
    assert "Kissen" in restored and "&amp;" in restored


def test_all_caps_segment_upper_cases_a_rendered_term() -> None:
    [segment] = segment_cell("SOFT CUSHION COVER", "en", finders=(cushion,)).segments
    assert segment.recase == "upper"
    token = segment.placeholders[0].token
    restored = segment.restore(f"Weicher {token} Bezug", render)
    assert restored == "WEICHER KISSEN BEZUG"


def test_render_fallback_uses_the_renderer() -> None:
    [segment] = segment_cell("A 20 in cushion", "en", finders=(inches, cushion)).segments
    pieces = [p for p in segment.fallback_parts() if isinstance(p, str)]
    assert segment.render_fallback(["Ein"] * len(pieces), render) == "Ein 51 cm Kissen"


def test_a_word_the_translation_puts_after_a_token_keeps_its_space() -> None:
    [segment] = segment_cell("Fits drains of 12 in.", "en", finders=(inches,)).segments
    assert segment.text == "Fits drains of ⟦0⟧."
    assert segment.restore("Passt für ⟦0⟧ Abflüsse.") == "Passt für 12 in Abflüsse."
    # A tag glued to its word in the source still binds the translation.
    [tagged] = segment_cell("<p>A <b>soft</b> cushion</p>", "en").segments
    assert tagged.restore("Ein ⟦0⟧ weiches ⟦1⟧ Kissen") == "Ein <b>weiches</b> Kissen"
