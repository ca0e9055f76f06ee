"""The CTranslate2 backend's batching and worker layout, on the shipped en→de model."""

from __future__ import annotations

from pathlib import Path

import pytest

from polyshelf.models.manifest import read_manifest
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend, _length_sorted_batches, thread_layout

SHIPPED_EN_DE = Path(__file__).resolve().parents[1] / "engine" / "shipped_models" / "en-de"

SENTENCES = [
    "A man in a blue shirt is standing on a ladder.",
    "Two dogs play in the snow.",
    "A child.",
    "A woman with a red umbrella walks down a busy street in the rain.",
    "People are sitting at a table outside a cafe.",
    "The boy jumps.",
    "A group of young men are playing soccer on a green field near the river.",
    "A cat sleeps on a sofa.",
]


def test_cpu_runs_one_single_threaded_batch_per_core() -> None:
    assert thread_layout("cpu", 3) == (3, 1)
    workers, intra = thread_layout("cpu", 0)
    assert workers >= 1 and intra == 1
    assert thread_layout("cuda", 0) == (1, 0)


def test_batches_keep_both_limits_and_every_index_once() -> None:
    tokens = [["x"] * n for n in (5, 1, 3, 8, 2, 2, 7)]
    by_examples = _length_sorted_batches(tokens, TranslateOptions(max_batch_examples=3))
    assert [len(b) for b in by_examples] == [3, 3, 1]
    by_tokens = _length_sorted_batches(tokens, TranslateOptions(max_batch_tokens=8))
    assert all(sum(len(tokens[i]) for i in b) <= 8 for b in by_tokens if len(b) > 1)
    for batches in (by_examples, by_tokens):
        flat = [i for b in batches for i in b]
        assert sorted(flat) == list(range(len(tokens)))
        assert [len(tokens[i]) for i in flat] == sorted(len(t) for t in tokens)


@pytest.mark.skipif(not SHIPPED_EN_DE.is_dir(), reason="shipped en-de model not present")
def test_parallel_workers_return_the_serial_results_in_input_order() -> None:
    manifest = read_manifest(SHIPPED_EN_DE)
    options = TranslateOptions(beam_size=2, max_batch_examples=2, n_best=1)
    texts = SENTENCES * 3
    serial = CTranslate2Backend(manifest, SHIPPED_EN_DE, device="cpu", threads=1)
    parallel = CTranslate2Backend(manifest, SHIPPED_EN_DE, device="cpu", threads=2)
    done: list[int] = []
    got = parallel.translate(texts, "de", options, progress=done.append)
    expected = serial.translate(texts, "de", options)
    assert [h.text for h in got] == [h.text for h in expected]
    assert sum(done) == len(texts) and len(done) == len(texts) // 2
    # Input order: the same sentence gets the same translation wherever it stands.
    assert [h.text for h in got[: len(SENTENCES)]] == [h.text for h in got[len(SENTENCES) :][:8]]
    assert len({h.text for h in got}) == len(SENTENCES)
