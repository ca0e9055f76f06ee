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


def test_length_ratio_flags_dropped_or_invented_text() -> None:
    from polyshelf.mt.output_checks import output_issues

    source = "Solid pine bookcase with four adjustable shelves and a sturdy back panel."
    assert not [
        i
        for i in output_issues(
            source,
            "Bücherregal aus massiver Kiefer mit vier "
            "verstellbaren Böden und einer stabilen Rückwand.",
        )
        if i.rule_id == "mt-length-ratio"
    ]
    short = output_issues(source, "Regal.")
    assert any(i.rule_id == "mt-length-ratio" for i in short)
    long = output_issues(source, " ".join(["Mit einem feuchten Tuch abwischen."] * 8))
    assert any(i.rule_id == "mt-length-ratio" for i in long)
    # Short segments (titles) are not judged by length.
    assert not [i for i in output_issues("Oak table", "Tisch") if i.rule_id == "mt-length-ratio"]
