"""Catalog data without a model: product splitting, length alignment, dedupe and care caps."""

from __future__ import annotations

from polyshelf.training.catalog_data import (
    align_sentences,
    dedupe_pairs,
    is_care_line,
    prepare_catalog_pairs,
    split_product,
)


def test_split_product_unglues_headings_and_run_on_sentences() -> None:
    line = (
        "Each basket is unique. BasketWipe clean with a dry cloth. LiningDo not wash.Do not iron."
    )
    assert split_product(line, "en") == [
        "Each basket is unique.",
        "Basket",
        "Wipe clean with a dry cloth.",
        "Lining",
        "Do not wash.",
        "Do not iron.",
    ]


def test_gale_church_skips_an_untranslated_sentence_and_uses_anchors() -> None:
    src = [
        "The MALM chest has 6 drawers.",
        "Designed by a famous team of Swedish designers who love simple shapes and wood.",
        "Wipe clean with a damp cloth.",
    ]
    tgt = ["Die MALM Kommode hat 6 Schubladen.", "Mit einem feuchten Tuch abwischen."]
    lexicon = {"wipe": {"abwischen"}, "cloth": {"tuch"}, "damp": {"feuchten"}}
    links = align_sentences(src, tgt, 1.1, lexicon)
    assert [(s, t) for s, t, _ in links] == [(src[0], tgt[0]), (src[2], tgt[1])]
    assert all(confidence > 0 for _, _, confidence in links)


def test_dedupe_keeps_each_source_once_and_caps_care_lines() -> None:
    care = [("Wipe clean with a damp cloth.", "Mit einem feuchten Tuch abwischen.")] * 50
    care += [(f"Do not wash {i}.", f"Nicht waschen {i}.") for i in range(20)]
    other = [(f"A chair number {i}.", f"Ein Stuhl Nummer {i}.") for i in range(40)]
    other += [("A chair number 1.", "Stuhl 1.")]  # less frequent translation of a repeat
    pairs, counts = dedupe_pairs(care + other, care_share=0.2)
    assert len([p for p in pairs if p[0] == "A chair number 1."]) == 1
    assert ("A chair number 1.", "Ein Stuhl Nummer 1.") in pairs
    care_kept = [p for p in pairs if is_care_line(p[0])]
    assert len(care_kept) == 10  # 20% of 50 pairs: 10 care + 40 others
    assert counts["care-capped"] == 11


def test_prepare_catalog_pairs_end_to_end() -> None:
    src = ["The LACK table is light. Wipe clean with a damp cloth."] * 3 + [
        "A sofa with 3 seats. Made in a factory far away from here by skilled people."
    ]
    tgt = ["Der LACK Tisch ist leicht. Mit einem feuchten Tuch abwischen."] * 3 + [
        "Ein Sofa mit 3 Sitzen."
    ]
    pairs, stats, _, _ = prepare_catalog_pairs(src, tgt, "en", "de", care_share=None)
    assert ("A sofa with 3 seats.", "Ein Sofa mit 3 Sitzen.") in pairs
    assert ("The LACK table is light.", "Der LACK Tisch ist leicht.") in pairs
    # Repeated products count once; the care line has no evidence but its length (the lexicon
    # needs more products than this), so it is not a confident link.
    assert len(pairs) == 2
    assert stats.products == 4
