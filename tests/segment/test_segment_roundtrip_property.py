from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from polyshelf.segment.cell import segment_cell
from tests.segment.helpers import identity, parsed_tags

ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ éÅßÖçñ 0123456789 "
    "    \n\t\r\xa0 .,;:!?-–—/%$€@{}()[]'\"&<>#*+=_ 🌿™®→👍🏽 שלום 中文 ⟦⟧"
)
HTML_PIECES = [
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<p>",
    "</p>",
    "<br>",
    "<li>",
    "</li>",
    "<span class='x'>",
    "</span>",
    '<a href="https://x.example/?a=1&amp;b=2">',
    "</a>",
    "<!-- c -->",
    "&amp;",
    "&nbsp;",
    "&#8482;",
    "&lt;",
    " ",
    "\n",
    ". ",
    "Soft cotton",
    "TOWEL SET",
    "KX-55B",
    "23 1/2",
    "{name}",
    "%s",
    "🌿",
    "HEMNES",
    "made of pine",
    "<",
    ">",
    "&",
    "www.x.example",
    "Mr. Smith",
    '<a href="x',
    "<script>a<b</script>",
]
SETTINGS = settings(max_examples=100, deadline=None)


@SETTINGS
@given(st.text(alphabet=ALPHABET, max_size=120), st.sampled_from([300, 25]))
def test_identity_round_trip_of_plain_strings(text: str, max_chars: int) -> None:
    plan = segment_cell(text, "en", max_chars=max_chars)
    assert identity(plan) == text


@SETTINGS
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=25))
def test_identity_round_trip_of_html_fragments(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert identity(segment_cell(text, "en")) == text


@SETTINGS
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=25))
def test_translation_keeps_tags_and_digits(pieces: list[str]) -> None:
    text = "".join(pieces)
    plan = segment_cell(text, "en")
    translated = [
        segment.restore(re.sub(r"[^\W\d_]+", lambda m: m.group().upper()[::-1], segment.text))
        for segment in plan.segments
    ]
    assert None not in translated
    output = plan.render([part for part in translated if part is not None])
    if plan.is_html:
        assert Counter(parsed_tags(output)) == Counter(parsed_tags(text))
    assert re.findall(r"\d", output) == re.findall(r"\d", text)


@SETTINGS
@given(st.lists(st.sampled_from(HTML_PIECES), max_size=25))
def test_fallback_round_trip(pieces: list[str]) -> None:
    text = "".join(pieces)
    plan = segment_cell(text, "en")
    rendered = []
    for segment in plan.segments:
        parts = [part for part in segment.fallback_parts() if isinstance(part, str)]
        rendered.append(segment.render_fallback(parts))
    assert plan.render(rendered) == text
