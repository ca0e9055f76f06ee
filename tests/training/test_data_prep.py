"""Training data preparation: filtering, placeholder augmentation, sentence alignment."""

from __future__ import annotations

from polyshelf.segment.placeholders import PLACEHOLDER_RE
from polyshelf.training.align import align_product, split_sentences
from polyshelf.training.augment import with_placeholders
from polyshelf.training.corpus import detokenize, filter_pairs


def test_filter_counts_each_reason() -> None:
    pairs = [
        ("A red chair.", "Ein roter Stuhl."),
        ("A red chair.", "Ein roter Stuhl."),  # duplicate
        ("", "Leer"),  # near-empty
        ("Width 50 cm", "Breite 60 cm"),  # numbers disagree
        ("Hi.", "Dies ist ein sehr langer Satz, der nicht zu dem kurzen passt."),  # ratio
    ]
    kept, stats = filter_pairs(pairs)
    assert kept == [("A red chair.", "Ein roter Stuhl.")]
    assert stats.dropped == {
        "duplicate": 1,
        "near-empty": 1,
        "numbers-disagree": 1,
        "length-mismatch": 1,
    }
    assert stats.total == 5 and stats.kept == 1


def test_placeholders_replace_tokens_shared_by_both_sides() -> None:
    src, tgt = with_placeholders(("MÅLA easel, 2 pieces, 45 cm", "MÅLA Staffelei, 2 Teile, 45 cm"))  # type: ignore[misc]
    assert "MÅLA" not in src and "MÅLA" not in tgt
    assert PLACEHOLDER_RE.findall(src) == PLACEHOLDER_RE.findall(tgt) == ["0", "1", "2"]
    assert with_placeholders(("A dog runs.", "Ein Hund rennt.")) is None


def test_detokenize_moses_text() -> None:
    assert detokenize(["l ' idéal , 40 ° C ."], "fr") == ["l'idéal, 40 ° C."]
    assert detokenize(["à l ’ abri , d ’ assise ."], "fr") == ["à l’abri, d’assise."]
    assert detokenize(["so it ’ s warm , don  ' t ."], "en") == ["so it’s warm, don't."]
    assert detokenize(["Wipe clean ( water ) ."], "en") == ["Wipe clean (water)."]


def test_split_sentences_unglues_headings() -> None:
    assert split_sentences("Each basket is unique. BasketWipe clean with a dry cloth.") == [
        "Each basket is unique.",
        "Basket.",
        "Wipe clean with a dry cloth.",
    ]


def test_align_product_skips_untranslated_sentences() -> None:
    def overlap(a: str, b: str) -> float:
        wa, wb = set(a.lower().split()), set(b.lower().split())
        return 100.0 * len(wa & wb) / max(1, len(wa | wb))

    src = ["s1", "s2", "s3"]
    mt = ["the red chair", "made in sweden by hand", "wipe clean"]
    tgt = ["the red chair .", "wipe clean ."]  # the target skips s2
    pairs = align_product(mt, src, tgt, overlap, threshold=30.0)
    assert pairs == [("s1", "the red chair ."), ("s3", "wipe clean .")]
