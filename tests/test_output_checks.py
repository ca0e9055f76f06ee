"""Flags for known failure modes of small MT models."""

from __future__ import annotations

from polyshelf.mt.output_checks import output_issues, repeated_ngram


def rule_ids(source: str, output: str) -> list[str]:
    return [i.rule_id for i in output_issues(source, output)]


def test_repetition_loop_is_flagged() -> None:
    assert repeated_ngram("ein Stuhl Stuhl Stuhl aus Holz") == "stuhl"
    assert repeated_ngram("mit dem Kissen mit dem Kissen mit dem Kissen") == "mit dem kissen"
    assert rule_ids("A chair.", "Ein Stuhl Stuhl Stuhl.") == ["mt-repetition"]


def test_numbers_and_real_repetition_in_source_are_not_loops() -> None:
    assert repeated_ngram("Maße 1 1 1 cm") is None
    assert rule_ids("Bye bye bye!", "Tschüss tschüss tschüss!") == []


def test_untranslated_and_empty_output() -> None:
    assert rule_ids("Soft cotton towel", "Soft cotton towel") == ["mt-untranslated"]
    assert rule_ids("HEMNES", "HEMNES") == []  # names are meant to stay
    assert rule_ids("Soft towel", "") == ["mt-empty"]
