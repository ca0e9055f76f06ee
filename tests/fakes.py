"""Fake MT backends for fast, deterministic engine tests (no model files needed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from polyshelf.models.manifest import ModelManifest
from polyshelf.mt.backend import Hypothesis, MTBackend, TranslateOptions, register_backend

_WORD_RE = re.compile(r"[^\W\d_]+")
_TOKEN_RE = re.compile(r"⟦\d+⟧")


def fake_translate(text: str) -> str:
    """Reverses every word (keeps tokens, digits, punctuation): visibly changed, reversible."""
    return _WORD_RE.sub(lambda m: m.group(0)[::-1].lower(), text)


class FakeBackend(MTBackend):
    """Counts every text it is asked to translate, so tests can assert reuse."""

    calls: ClassVar[list[str]] = []

    def __init__(self, manifest: ModelManifest, model_dir: Path, **_: object) -> None:
        self.manifest = manifest
        self.model_id = manifest.model_id
        self.device, self.compute_type = "cpu", "fake"

    def _one(self, text: str) -> str:
        return fake_translate(text)

    def translate(
        self,
        texts: Sequence[str],
        target: str,
        options: TranslateOptions,
        progress: Callable[[int], None] | None = None,
    ) -> list[Hypothesis]:
        FakeBackend.calls.extend(texts)
        if progress:
            progress(len(texts))
        return [Hypothesis(self._one(t), -1.0, max(1, len(t.split()))) for t in texts]


class LossyFakeBackend(FakeBackend):
    """Drops every placeholder token, as models that never saw them do."""

    def _one(self, text: str) -> str:
        return _TOKEN_RE.sub("", fake_translate(text))


register_backend("fake")(FakeBackend)
register_backend("fake-lossy")(LossyFakeBackend)


def write_fake_model(
    root: Path,
    name: str = "en-de",
    targets: tuple[str, ...] = ("de", "fr"),
    family: str = "fake",
    version: str = "1",
) -> Path:
    model_dir = root / name / version
    model_dir.mkdir(parents=True, exist_ok=True)
    ModelManifest(name=name, version=version, source="en", targets=targets, family=family).write(
        model_dir
    )
    return model_dir
