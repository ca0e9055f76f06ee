from __future__ import annotations

import pytest

from polyshelf.errors import InputError
from polyshelf.issues import Issue, Severity
from polyshelf.store.quality import corpus_scores, quality_record


def test_record_without_reference_has_no_bleu() -> None:
    issues = [
        Issue("number.mismatch", Severity.ERROR, "250 ml is missing"),
        Issue("number.mismatch", Severity.ERROR, "again"),
    ]
    record = quality_record("Glass jar, 250 ml", "Glasgefäß, 500 ml", -0.62, issues)
    assert record.sentence_bleu is None and record.sentence_chrf is None
    assert record.issue_ids == ("number.mismatch",)
    assert record.length_ratio == pytest.approx(17 / 17)
    assert record.score == -0.62


def test_record_with_reference_scores_short_segment() -> None:
    record = quality_record(
        "Red cotton scarf", "Roter Baumwollschal", -0.3, [], reference="Roter Baumwollschal"
    )
    assert record.sentence_bleu == pytest.approx(100.0)
    assert record.sentence_chrf == pytest.approx(100.0)
    partial = quality_record("Red scarf", "Blauer Schal", -0.3, [], reference="Roter Schal")
    assert 0 < (partial.sentence_bleu or 0) < 100  # effective order: no zero for 2 words
    assert 0 < (partial.sentence_chrf or 0) < 100


def test_corpus_scores_with_signatures() -> None:
    hyps = ["Roter Schal aus Baumwolle", "Kaffeebecher, 350 ml"]
    refs = ["Roter Baumwollschal", "Kaffeebecher, 350 ml"]
    scores = corpus_scores(hyps, refs)
    assert set(scores) == {"bleu", "chrf"}
    assert 0 < scores["bleu"].value < 100
    assert "nrefs:1" in scores["bleu"].signature
    with pytest.raises(InputError):
        corpus_scores(hyps, refs[:1])
    with pytest.raises(InputError):
        corpus_scores([], [])
