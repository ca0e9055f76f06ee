"""The review → fine-tuning loop: finetune --from-review, then eval --from-review (seconds)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="needs the train extra")

from polyshelf.cli.main import main
from polyshelf.models.manifest import read_manifest
from polyshelf.store.db import open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.training.corpus import read_parallel
from polyshelf.training.recipe import export_result, train
from polyshelf.training.trainer import TrainConfig
from tests.conftest import CORPORA

pytestmark = [pytest.mark.slow, pytest.mark.train]

M30K = CORPORA / "multi30k"


@pytest.fixture(scope="module")
def corpus() -> list[tuple[str, str]]:
    if not M30K.is_dir():
        pytest.skip("../shared/corpora not present")
    return read_parallel(M30K / "train.en.gz", M30K / "train.de.gz")[:400]


@pytest.fixture(scope="module")
def base_model(tmp_path_factory: pytest.TempPathFactory, corpus: list[tuple[str, str]]) -> Path:
    work = tmp_path_factory.mktemp("base")
    config = TrainConfig(
        "en",
        "de",
        work / "work",
        size="tiny",
        vocab_size=600,
        max_tokens=1024,
        lr=3e-3,
        warmup_steps=5,
        max_epochs=1,
        patience=5,
    )
    result = train(config, corpus[:200], corpus[200:210], log=lambda _: None)
    out = work / "tiny-en-de-v1"
    export_result(result, config, out, name="tiny-en-de", version="1", card={"data": "m30k"})
    return out


@pytest.fixture
def project(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    base_model: Path,
    corpus: list[tuple[str, str]],
) -> Path:
    """A project with a tiny en→de base model and approved and unapproved review items."""
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "userdata"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("POLYSHELF_MODEL_PATH", raising=False)
    shutil.copytree(base_model, tmp_path / "models" / base_model.name)
    pairs = corpus
    with open_store(tmp_path) as store:
        queue = ReviewQueue(store)
        for n, (source, target) in enumerate(pairs[300:340]):
            item = queue.upsert_from_run(
                "spring.xlsx",
                f"Products!R{n + 2}!Description",
                "de-DE",
                source,
                target if n % 4 else "Maschinenübersetzung",
                "tiny-en-de@1",
                -0.5,
                [],
                "needs_review",
                src_lang="en",
            )
            if n % 4:  # every fourth item stays unreviewed: not training data
                queue.approve(item.id, "ann")
        queue.upsert_from_run(
            "spring.xlsx", "Products!R2!Title", "fr-FR", "A dog.", "Un chien.", "m", -0.1, [],
            "needs_review", src_lang="en",
        )  # fmt: skip
        queue.approve(queue.list(locale="fr")[0].id, "ann")  # other pair: left out
    return tmp_path


def test_finetune_from_review_then_eval_shows_gain(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base_dir = project / "models" / "tiny-en-de-v1"
    base_files = {p.name: p.stat().st_mtime for p in base_dir.iterdir()}
    out = project / "models" / "tiny-en-de-v2"
    cli = ["--project", str(project)]
    assert main([*cli, "finetune", "--base", "tiny-en-de@1", "--out", str(out)]) == 2  # no pairs
    assert "--from-review" in capsys.readouterr().err
    finetune = [*cli, "finetune", "--base", "tiny-en-de@1", "--out", str(out)]
    code = main([*finetune, "--from-review", "--epochs", "1", "--heldout", "0.2", "--no-promote"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    assert "30 approved review items for en→de" in printed
    assert "wrote tiny-en-de@2" in printed and "(not promoted)" in printed
    assert "held-out BLEU: base" in printed
    manifest = read_manifest(out)
    assert manifest.card["base_model"] == "tiny-en-de@1"
    assert manifest.card["finetune_pairs"] == 30
    heldout = (out / "heldout.tsv").read_text("utf-8").splitlines()
    assert len(heldout) == manifest.card["heldout_pairs"] == 6
    assert not any("Maschinenübersetzung" in line for line in heldout)
    assert {p.name: p.stat().st_mtime for p in base_dir.iterdir()} == base_files

    assert main([*cli, "eval", "--model", "tiny-en-de@2", "--from-review"]) == 0
    text = capsys.readouterr().out
    assert "tiny-en-de@2 vs base tiny-en-de@1 on 6 held-back pairs" in text
    for metric in ("BLEU", "CHRF", "TER"):
        assert f"  {metric}" in text and "gain" in text
    assert main([*cli, "eval", "--model", "tiny-en-de@2", "--from-review", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["model"], data["base"]) == ("tiny-en-de@2", "tiny-en-de@1")
    base_bleu, new_bleu = (data["scores"][k]["bleu"] for k in ("base", "new"))
    assert data["gain"]["bleu"] == pytest.approx(new_bleu - base_bleu, abs=0.011)
    assert "nrefs:1" in data["scores"]["new"]["signatures"]["bleu"]
    assert data["scores"]["new"]["n"] == 6


def test_from_review_without_approved_items_is_a_clean_error(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = project / "models" / "tiny-en-de-v2"
    finetune = ["--project", str(project), "finetune", "--base", "tiny-en-de@1", "--out", str(out)]
    code = main([*finetune, "--from-review", "--job", "autumn.xlsx"])
    assert code == 2
    assert "no approved review items of job autumn.xlsx" in capsys.readouterr().err
    assert not out.exists()
