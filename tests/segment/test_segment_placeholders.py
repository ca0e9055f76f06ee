from __future__ import annotations

import pytest

from polyshelf.segment.placeholders import PLACEHOLDER_RE, Placeholder, is_code, protect


def kinds_and_originals(text: str, **kwargs: object) -> list[tuple[str, str]]:
    _, placeholders = protect(text, **kwargs)  # type: ignore[arg-type]
    return [(placeholder.kind, placeholder.original) for placeholder in placeholders]


def test_token_form_and_regex_tolerates_inner_spaces() -> None:
    assert Placeholder(3, "X200", "code").token == "⟦3⟧"
    found = [int(match.group(1)) for match in PLACEHOLDER_RE.finditer("a ⟦0⟧ b ⟦ 1 ⟧ c ⟦2 ⟧")]
    assert found == [0, 1, 2]
    assert not PLACEHOLDER_RE.search("⟦x⟧ [0] {0}")


def test_protect_replaces_spans_by_numbered_tokens() -> None:
    text, placeholders = protect("Use code KX-55B for 20% off at https://shop.example/sale.")
    assert text == "Use code ⟦0⟧ for ⟦1⟧% off at ⟦2⟧."
    assert [(p.index, p.kind, p.original) for p in placeholders] == [
        (0, "code", "KX-55B"),
        (1, "number", "20"),
        (2, "url", "https://shop.example/sale"),
    ]


@pytest.mark.parametrize(
    "variable", ["{name}", "{0}", "{{var}}", "%s", "%d", "%(n)d", "%1$s", "${x}", "{0:.2f}"]
)
def test_variables(variable: str) -> None:
    assert kinds_and_originals(f"Fits {variable} bed") == [("variable", variable)]


def test_percent_signs_that_are_not_variables() -> None:
    assert kinds_and_originals("100% cotton, %sale") == [("number", "100")]


def test_urls_and_emails() -> None:
    text = "Mail info@shop.example or see www.shop.example/p?id=1, (https://x.example/a_(b))."
    assert kinds_and_originals(text) == [
        ("email", "info@shop.example"),
        ("url", "www.shop.example/p?id=1"),
        ("url", "https://x.example/a_(b)"),
    ]


@pytest.mark.parametrize(
    "token", ["AB-1234", "X200", "KX-55B", "702.619.70", "0017", "4K", "mp3", "2024-05-01"]
)
def test_codes(token: str) -> None:
    assert is_code(token)
    assert kinds_and_originals(f"Article {token} in stock") == [("code", token)]


@pytest.mark.parametrize("token", ["1.5", "2-pack", "2-PACK", "5kg", "1st", "item-2", "1299"])
def test_not_codes(token: str) -> None:
    assert not is_code(token)


def test_numbers_fractions_and_ranges() -> None:
    assert kinds_and_originals("Width: 23 1/2 in, $1,299.00, 10-20 pcs, ½ cup, 5kg") == [
        ("number", "23"),
        ("number", "1/2"),
        ("number", "1,299.00"),
        ("number", "10"),
        ("number", "20"),
        ("number", "½"),
        ("number", "5"),
    ]


def test_symbols_are_emoji_and_rare_signs_not_punctuation_or_currency() -> None:
    text = "Eco 🌿 sofa™ → 👍🏽 only €5 – “best” 20°C"
    assert kinds_and_originals(text) == [
        ("symbol", "🌿"),
        ("symbol", "™"),
        ("symbol", "→"),
        ("symbol", "👍🏽"),
        ("number", "5"),
        ("number", "20"),
    ]


def test_literal_token_brackets_in_source_are_protected() -> None:
    text, placeholders = protect("a ⟦ b")
    assert text == "a ⟦0⟧ b"
    assert placeholders[0].original == "⟦"


def test_capital_words_are_dnt() -> None:
    assert kinds_and_originals("MÅLA easel with LED and USB, by IKEA's design. A I") == [
        ("dnt", "MÅLA"),
        ("dnt", "LED"),
        ("dnt", "USB"),
        ("dnt", "IKEA"),
    ]


def test_dnt_terms_are_case_sensitive_whole_words_and_take_precedence_over_numbers() -> None:
    text = "The Pine Line 2 shelf in pine; Pine Lines too"
    assert kinds_and_originals(text, dnt_terms=["Pine Line 2", "Line"]) == [
        ("dnt", "Pine Line 2"),
    ]


def test_precedence_keeps_spans_whole() -> None:
    # The URL holds a number and a code; the variable holds a capitals word.
    assert kinds_and_originals("See https://x.example/KX-55B/2 for {NAME}") == [
        ("url", "https://x.example/KX-55B/2"),
        ("variable", "{NAME}"),
    ]


def test_plain_text_without_protected_spans() -> None:
    assert protect("a natural material") == ("a natural material", [])


def test_hyphenated_names_in_capitals_are_one_span() -> None:
    text, placeholders = protect("OEKO-TEX certified HEMNES-Regal, MÅLA - HEMNES")
    assert [p.original for p in placeholders] == ["OEKO-TEX", "HEMNES", "MÅLA", "HEMNES"]
    assert text.startswith("⟦0⟧ certified ⟦1⟧-Regal")
