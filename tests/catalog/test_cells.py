from __future__ import annotations

import pytest

from polyshelf.catalog.cells import (
    CELL_CHAR_LIMIT,
    clean_control_chars,
    looks_like_formula,
    neutralize_formula,
    truncate_to_cell_limit,
    utf16_length,
)


@pytest.mark.parametrize(
    "text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "-", "+", "--5", "-5-3", "=5"]
)
def test_formula_like_text_is_prefixed(text: str) -> None:
    assert looks_like_formula(text)
    assert neutralize_formula(text) == "'" + text


@pytest.mark.parametrize(
    "text", ["-5", "+3.5", "-0.5%", "+1e5", "-1,234.56", "-,5", "Mug", "", " =1", "5-3", "a=b"]
)
def test_plain_numbers_and_text_are_left_alone(text: str) -> None:
    assert not looks_like_formula(text)
    assert neutralize_formula(text) is None


def test_clean_control_chars_removes_only_what_xlsx_cannot_hold() -> None:
    text = "".join(chr(code) for code in range(32)) + "ok"
    assert clean_control_chars(text) == ("\t\n\rok", 29)
    assert clean_control_chars("clean") == ("clean", 0)


def test_truncation_counts_utf16_units_and_never_splits_an_emoji() -> None:
    text = "ab" + "😀" * CELL_CHAR_LIMIT
    truncated = truncate_to_cell_limit(text)
    assert utf16_length(truncated) == CELL_CHAR_LIMIT - 1
    assert truncated == "ab" + "😀" * ((CELL_CHAR_LIMIT - 2) // 2)
