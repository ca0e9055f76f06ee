"""Model registry, manifests and device choice."""

from __future__ import annotations

from pathlib import Path

import pytest

import tests.fakes as fakes
from polyshelf.errors import ConfigError, ModelError
from polyshelf.models.manifest import MANIFEST_NAME, read_manifest
from polyshelf.models.registry import ModelRegistry
from polyshelf.mt.ctranslate import choose_device
from polyshelf.settings import Settings


def test_cpu_defaults_to_int8_and_rejects_gpu_types() -> None:
    assert choose_device("cpu", None) == ("cpu", "int8")
    with pytest.raises(ConfigError, match="float16"):
        choose_device("cpu", "float16")
    with pytest.raises(ConfigError):
        choose_device("tpu", None)


def test_cuda_without_a_device_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("polyshelf.mt.ctranslate.cuda_device_count", lambda: 0)
    with pytest.raises(ConfigError, match="no CUDA device"):
        choose_device("cuda", None)
    assert choose_device("auto", None) == ("cpu", "int8")


def test_cuda_defaults_to_float16(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("polyshelf.mt.ctranslate.cuda_device_count", lambda: 1)
    monkeypatch.setattr("polyshelf.mt.ctranslate.missing_cuda_library", lambda: None)
    assert choose_device("auto", None) == ("cuda", "float16")
    assert choose_device("cuda", "int8_float16") == ("cuda", "int8_float16")


def test_gpu_without_its_cublas_falls_back_to_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    # Seen on a CUDA-13-only machine: CTranslate2 4.x counts the GPU but needs libcublas.so.12.
    monkeypatch.setattr("polyshelf.mt.ctranslate.cuda_device_count", lambda: 1)
    monkeypatch.setattr("polyshelf.mt.ctranslate.missing_cuda_library", lambda: "libcublas.so.12")
    assert choose_device("auto", None) == ("cpu", "int8")
    with pytest.raises(ConfigError, match=r"cannot load libcublas\.so\.12"):
        choose_device("cuda", None)


def test_missing_cuda_library_names_the_cublas_of_the_ct2_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import ctranslate2

    from polyshelf.mt import ctranslate as backend

    def refuse(name: str) -> None:
        raise OSError(f"{name}: cannot open shared object file")

    monkeypatch.setattr(backend.sys, "platform", "linux")
    monkeypatch.setattr(backend.ctypes, "CDLL", refuse)
    monkeypatch.setattr(ctranslate2, "__version__", "4.8.5")
    assert backend.missing_cuda_library() == "libcublas.so.12"
    monkeypatch.setattr(backend.ctypes, "CDLL", lambda name: object())
    assert backend.missing_cuda_library() is None
    monkeypatch.setattr(ctranslate2, "__version__", "9.0.0")  # unknown build: no guess
    monkeypatch.setattr(backend.ctypes, "CDLL", refuse)
    assert backend.missing_cuda_library() is None


def test_versions_origins_and_promotion(tmp_path: Path) -> None:
    user = tmp_path / "data" / "models"
    for version in ("2", "10", "9"):
        fakes.write_fake_model(user, name="en-de", version=version)
    settings = Settings(project_dir=tmp_path / "proj", data_dir=tmp_path / "data")
    registry = ModelRegistry(settings)
    assert registry.for_pair("en", "de").manifest.version == "10"  # natural order, not text
    assert registry.find("en-de@9").manifest.version == "9"
    fakes.write_fake_model(tmp_path / "proj" / "models", name="en-de", version="1")
    assert ModelRegistry(settings).for_pair("en", "de").origin == "project"
    registry = ModelRegistry(settings)
    registry.promote(registry.find("en-de@2"), "en-de")
    assert ModelRegistry(settings).for_pair("en", "de").model_id == "en-de@2"
    with pytest.raises(ModelError, match="available"):
        registry.find("en-xx")


def test_model_for_another_pair_is_refused(tmp_path: Path) -> None:
    fakes.write_fake_model(tmp_path / "proj" / "models", name="en-fr-only", targets=("fr",))
    registry = ModelRegistry(Settings(project_dir=tmp_path / "proj", data_dir=tmp_path / "d"))
    with pytest.raises(ModelError, match="not en→de"):
        registry.for_pair("en", "de", "en-fr-only")


def test_bad_manifest_is_reported_not_fatal(tmp_path: Path) -> None:
    broken = tmp_path / "proj" / "models" / "broken"
    broken.mkdir(parents=True)
    (broken / MANIFEST_NAME).write_text("{not json", "utf-8")
    registry = ModelRegistry(Settings(project_dir=tmp_path / "proj", data_dir=tmp_path / "d"))
    assert [e for e in registry.entries() if e.origin == "project"] == []
    assert any("unreadable manifest" in p for p in registry.problems)
    with pytest.raises(ModelError, match="not a Polyshelf model"):
        read_manifest(tmp_path)
