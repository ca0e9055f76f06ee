"""Fixtures for the project store: a fresh store in a temp project folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from polyshelf.store.db import Store, open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path) as opened:
        yield opened


@pytest.fixture
def tm(store: Store) -> TranslationMemory:
    return TranslationMemory(store)


@pytest.fixture
def queue(store: Store) -> ReviewQueue:
    return ReviewQueue(store)
