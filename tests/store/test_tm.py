from __future__ import annotations

import pytest

from polyshelf.errors import InputError
from polyshelf.store.tm import TranslationMemory, normalize, normalize_lang


def test_normalize_collapses_whitespace_keeps_case() -> None:
    assert normalize("  Soft\u00a0cotton \n T-shirt ") == "Soft cotton T-shirt"
    assert normalize("Cafe\u0301 table") == "Café table"  # NFD → NFC
    assert normalize("USB cable") != normalize("usb cable")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("de_de", "de-DE"), ("EN", "en"), ("zh_hant_tw", "zh-Hant-TW"), ("pt-br", "pt-BR")],
)
def test_normalize_lang(code: str, expected: str) -> None:
    assert normalize_lang(code) == expected


def test_exact_match_ignores_whitespace_and_normalization(tm: TranslationMemory) -> None:
    tm.add("Stainless steel water bottle, 750 ml", "Edelstahl-Trinkflasche, 750 ml", "en", "de")
    match = tm.exact("Stainless  steel water bottle,\t750 ml ", "en", "de")
    assert match is not None
    assert match.target == "Edelstahl-Trinkflasche, 750 ml"
    assert match.score == 100.0
    assert tm.exact("stainless steel water bottle, 750 ml", "en", "de") is None  # case kept


def test_one_entry_per_source_and_precedence(tm: TranslationMemory) -> None:
    first = tm.add("Wireless mouse", "Kabellose Maus", "en", "de-DE", origin="mt")
    approved = tm.add("Wireless mouse", "Funkmaus", "en", "de-DE", origin="approved", who="ann")
    later_mt = tm.add("Wireless  mouse", "Drahtlose Maus", "en", "de-DE", origin="mt")
    imported = tm.add("Wireless mouse", "Maus (Funk)", "en", "de-DE", origin="import")
    assert first == approved == later_mt == imported
    assert tm.count() == 1
    match = tm.exact("Wireless mouse", "en", "de-DE")
    assert match is not None
    assert (match.target, match.entry.origin, match.entry.updated_by) == (
        "Funkmaus",
        "approved",
        "ann",
    )
    tm.add("Wireless mouse", "Funk-Maus", "en", "de-DE", origin="approved")
    assert tm.exact("Wireless mouse", "en", "de-DE").target == "Funk-Maus"  # type: ignore[union-attr]


def test_import_beats_mt_but_not_approved(tm: TranslationMemory) -> None:
    tm.add("Gift card", "Geschenkkarte", "en", "de", origin="mt")
    tm.add("Gift card", "Gutschein", "en", "de", origin="import")
    assert tm.exact("Gift card", "en", "de").entry.origin == "import"  # type: ignore[union-attr]


def test_locale_fallback_exact_first_then_language(tm: TranslationMemory) -> None:
    tm.add("Street shoes", "Strassenschuhe", "en", "de-CH")
    tm.add("Street shoes", "Straßenschuhe", "en", "de")
    assert tm.exact("Street shoes", "en", "de_CH").target == "Strassenschuhe"  # type: ignore[union-attr]
    assert tm.exact("Street shoes", "en", "de-DE").target == "Straßenschuhe"  # type: ignore[union-attr]
    tm.add("Bike lock", "Velo-Schloss", "en", "de-CH")
    assert tm.exact("Bike lock", "en", "de-DE") is None  # sibling regions never mix
    assert tm.exact("Bike lock", "en", "fr") is None


def test_fuzzy_ranks_by_similarity(tm: TranslationMemory) -> None:
    tm.add(
        "Cotton T-shirt, crew neck, navy blue", "Baumwoll-T-Shirt, Rundhals, Marineblau", "en", "de"
    )
    tm.add(
        "Cotton T-shirt, V-neck, navy blue",
        "Baumwoll-T-Shirt, V-Ausschnitt, Marineblau",
        "en",
        "de",
    )
    tm.add("Ceramic coffee mug, 350 ml", "Kaffeebecher aus Keramik, 350 ml", "en", "de")
    matches = tm.fuzzy("Cotton T-shirt, crew neck, black", "en", "de", min_score=70)
    assert [m.target for m in matches][:1] == ["Baumwoll-T-Shirt, Rundhals, Marineblau"]
    assert all(70 <= m.score < 100 for m in matches)
    assert "Kaffeebecher aus Keramik, 350 ml" not in [m.target for m in matches]
    assert matches == sorted(matches, key=lambda m: -m.score)


def test_fuzzy_respects_limit_and_case_insensitivity(tm: TranslationMemory) -> None:
    for size in ("S", "M", "L", "XL"):
        tm.add(f"Rain jacket, size {size}", f"Regenjacke, Größe {size}", "en", "de")
    matches = tm.fuzzy("RAIN JACKET, SIZE M", "en", "de", min_score=80, limit=2)
    assert len(matches) == 2
    assert matches[0].target == "Regenjacke, Größe M"
    assert matches[0].score == 100.0


def test_fuzzy_on_many_entries_finds_the_near_one(tm: TranslationMemory) -> None:
    units = [
        (f"Replacement filter cartridge model {n:05d} for kitchen tap", f"Ersatzfilter {n:05d}")
        for n in range(5000)
    ]
    units += [(f"Short item {n}", f"Kurz {n}") for n in range(5000)]

    class Pair:
        def __init__(self, source: str, target: str) -> None:
            self.source, self.target = source, target

    assert tm.import_units((Pair(s, t) for s, t in units), "en", "de", origin="import") == 10_000
    matches = tm.fuzzy(
        "Replacement filter cartridge model 04321 for kitchen taps", "en", "de", limit=1
    )
    assert matches[0].target == "Ersatzfilter 04321"


def test_entries_and_origin_filter(tm: TranslationMemory) -> None:
    tm.add("Linen napkin", "Leinenserviette", "en", "de-DE", origin="approved")
    tm.add("Oak table", "Eichentisch", "en", "de-AT", origin="mt")
    tm.add("Oak table", "Table en chêne", "en", "fr", origin="mt")
    assert {e.target for e in tm.entries("en", "de")} == {"Leinenserviette", "Eichentisch"}
    assert [e.target for e in tm.entries("en", "de-DE")] == ["Leinenserviette"]
    assert [e.target for e in tm.entries("en", "de", origins=["approved"])] == ["Leinenserviette"]
    assert tm.count(tgt_lang="fr") == 1


def test_bad_input(tm: TranslationMemory) -> None:
    with pytest.raises(InputError, match="origin"):
        tm.add("Mug", "Becher", "en", "de", origin="human")
    with pytest.raises(InputError, match="non-empty"):
        tm.add("  ", "Becher", "en", "de")
    with pytest.raises(InputError, match="language code"):
        tm.add("Mug", "Becher", "", "de")


def test_remove_mt_only_removes_machine_text(tm: TranslationMemory) -> None:
    tm.add("Desk lamp", "Schreibtischlampe", "en", "de", origin="mt")
    tm.add("Floor lamp", "Stehlampe", "en", "de", origin="approved")
    assert tm.remove_mt("Desk lamp", "Schreibtischlampe", "en", "de")
    assert not tm.remove_mt("Floor lamp", "Stehlampe", "en", "de")
    assert tm.exact("Desk lamp", "en", "de") is None
    assert tm.exact("Floor lamp", "en", "de") is not None
