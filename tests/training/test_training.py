"""Train, resume, export, import, evaluate and fine-tune on a tiny slice (seconds each)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("torch", reason="needs the train extra")

from polyshelf.cli.main import main
from polyshelf.models.manifest import read_manifest
from polyshelf.models.registry import ModelRegistry
from polyshelf.mt.backend import TranslateOptions
from polyshelf.mt.ctranslate import CTranslate2Backend
from polyshelf.settings import Settings
from polyshelf.training.corpus import read_parallel
from polyshelf.training.recipe import export_result, train
from polyshelf.training.trainer import TrainConfig
from tests.conftest import CORPORA

M30K = CORPORA / "multi30k"


@pytest.fixture(scope="module")
def slice_pairs() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    if not M30K.is_dir():
        pytest.skip("../shared/corpora not present")
    pairs = read_parallel(M30K / "train.en.gz", M30K / "train.de.gz")
    return pairs[:400], pairs[400:440]


def tiny_config(work: Path, **kw: object) -> TrainConfig:
    base = dict(
        size="tiny",
        vocab_size=600,
        max_tokens=1024,
        lr=3e-3,
        warmup_steps=5,
        max_epochs=2,
        patience=5,
    )
    base.update(kw)
    return TrainConfig("en", "de", work, **base)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory, slice_pairs):  # type: ignore[no-untyped-def]
    work = tmp_path_factory.mktemp("train")
    train_pairs, dev = slice_pairs
    config = tiny_config(work / "work")
    result = train(config, train_pairs, dev, log=lambda _: None)
    out = work / "models" / "tiny-en-de-v1"
    export_result(result, config, out, name="tiny-en-de", version="1", card={"data": "slice"})
    return work, config, result, out


def test_loss_falls_and_resume_continues(trained, slice_pairs) -> None:  # type: ignore[no-untyped-def]
    _, config, result, _ = trained
    losses = [e.train_loss for e in result.epochs]
    assert len(losses) == 2 and losses[1] < losses[0]
    # A rerun with more epochs resumes from last.pt instead of starting over.
    more = tiny_config(config.work_dir, max_epochs=3)
    resumed = train(more, *slice_pairs, log=lambda _: None)
    assert [e.epoch for e in resumed.epochs] == [1, 2, 3]
    assert resumed.steps > result.steps
    assert resumed.epochs[2].train_loss < losses[0]
    # The history is also kept readable beside the checkpoint, with where each epoch ran.
    state = json.loads((config.work_dir / "state.json").read_text(encoding="utf-8"))
    assert state["step"] == resumed.steps
    assert [(h["epoch"], h["device"]) for h in state["history"]] == [
        (1, "cpu"),
        (2, "cpu"),
        (3, "cpu"),
    ]


def test_export_loads_in_ctranslate2_and_card_is_complete(trained) -> None:  # type: ignore[no-untyped-def]
    _, _, _, out = trained
    manifest = read_manifest(out)
    assert manifest.placeholders and manifest.targets == ("de",)
    for key in (
        "data",
        "steps",
        "epochs",
        "wall_time_s",
        "device",
        "size",
        "quantization",
        "best_dev_bleu_greedy",
    ):
        assert key in manifest.card, key
    assert "steps" in (out / "README.md").read_text()
    # CTranslate2 starts decoding from a zero vector: the <pad> start row must stay zero.
    from safetensors.torch import load_file

    shared = load_file(str(trained[0] / "work" / "best_hf" / "model.safetensors"))
    assert float(shared["model.shared.weight"][-1].abs().sum()) == 0.0
    backend = CTranslate2Backend(manifest, out, device="cpu")
    hyps = backend.translate(
        ["A man is walking.", "Two dogs."], "de", TranslateOptions(beam_size=2)
    )
    assert len(hyps) == 2 and all(h.n_tokens > 0 for h in hyps)
    # Longer than the model's 512 positions: translated (truncated), not a CTranslate2 error.
    long_hyp = backend.translate(
        ["word " * 700], "de", TranslateOptions(beam_size=1, max_length_ratio=3.0)
    )[0]
    assert long_hyp.n_tokens <= 512


def test_eval_json(trained, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    _, _, _, out = trained
    src, ref = tmp_path / "t.en", tmp_path / "t.de"
    src.write_text("A man is walking.\nTwo dogs play.\n", "utf-8")
    ref.write_text("Ein Mann geht.\nZwei Hunde spielen.\n", "utf-8")
    assert main(["eval", "--model", str(out), "--src", str(src), "--ref", str(ref), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"bleu", "chrf", "ter", "bleu_tok_lc", "signatures"} <= set(data)
    assert "tok:13a" in data["signatures"]["bleu"]


def test_finetune_writes_new_version_and_keeps_base(  # type: ignore[no-untyped-def]
    trained, slice_pairs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from polyshelf.training.finetune import finetune

    _, _, _, base_dir = trained
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    settings = Settings(
        project_dir=tmp_path, data_dir=tmp_path / "data", extra_model_dirs=(base_dir.parent,)
    )
    registry = ModelRegistry(settings)
    base_files = {p.name: p.stat().st_mtime for p in base_dir.iterdir()}
    pairs = [*slice_pairs[0][:60], ("Price 5 EUR", "Preis 7 EUR"), ("", "leer")]
    out = tmp_path / "models" / "tiny-en-de-shop-v2"
    outcome = finetune(registry, "tiny-en-de", pairs, out, max_epochs=1, log=lambda _: None)
    assert outcome.manifest.model_id == "tiny-en-de-shop@2"
    assert outcome.filter_stats.dropped == {"numbers-disagree": 1, "near-empty": 1}
    assert outcome.manifest.card["base_model"] == "tiny-en-de@1"
    assert {p.name: p.stat().st_mtime for p in base_dir.iterdir()} == base_files
    promoted = ModelRegistry(settings).promoted()
    assert outcome.promoted == ("en-de" in promoted)
    with pytest.raises(Exception, match="exists already"):
        finetune(registry, "tiny-en-de", pairs, out, max_epochs=1, log=lambda _: None)


def test_models_import_converts_a_local_hf_marian_model(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from polyshelf.training.marian import SIZES, build_model, save_hf_model
    from polyshelf.training.vocab import train_joint_vocab

    vocab = tmp_path / "vocab"
    train_joint_vocab([f"a sentence number {i} with words" for i in range(300)], vocab, 120)
    hf = tmp_path / "hf-opus-en-de"
    size = len(json.loads((vocab / "vocab.json").read_text("utf-8")))
    save_hf_model(
        build_model(size, SIZES["tiny"]), vocab / "spm.model", vocab / "vocab.json", hf, "en", "de"
    )
    monkeypatch.setenv("POLYSHELF_DATA_DIR", str(tmp_path / "data"))
    assert main(["models", "import", str(hf), "--name", "opus-tiny"]) == 0
    assert "imported opus-tiny@1" in capsys.readouterr().out
    assert main(["models", "list"]) == 0
    assert "opus-tiny@1" in capsys.readouterr().out
    # a second import under the same name is refused cleanly
    assert main(["models", "import", str(hf), "--name", "opus-tiny"]) == 2
    assert main(["models", "import", str(tmp_path / "nothing-here")]) == 2
