from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from polyshelf.errors import ConfigError, InputError
from polyshelf.store.db import MIGRATIONS, open_store, store_path


def test_store_is_created_in_project_folder_with_wal(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        assert store.path == tmp_path / ".polyshelf" / "project.db"
        assert store.query("PRAGMA journal_mode")[0][0] == "wal"
        assert store.query("PRAGMA foreign_keys")[0][0] == 1
        assert store.schema_version() == len(MIGRATIONS)


def test_reopening_keeps_data_and_version(tmp_path: Path) -> None:
    with open_store(tmp_path) as store, store.transaction() as conn:
        conn.execute(
            "INSERT INTO tm_entries (src_lang, tgt_lang, source, source_norm, source_len, target,"
            " origin, priority, created_at, updated_at) VALUES"
            " ('en','de','Mug','Mug',3,'Becher','mt',1,'t','t')"
        )
    with open_store(tmp_path) as store:
        assert store.query("SELECT target FROM tm_entries")[0][0] == "Becher"


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute(
                "INSERT INTO tm_entries (src_lang, tgt_lang, source, source_norm, source_len,"
                " target, origin, priority, created_at, updated_at) VALUES"
                " ('en','de','Mug','Mug',3,'Becher','mt',1,'t','t')"
            )
            raise RuntimeError("boom")
        assert store.query("SELECT COUNT(*) FROM tm_entries")[0][0] == 0
        assert not store.in_transaction


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path).close()
    conn = sqlite3.connect(store_path(tmp_path))
    conn.execute("UPDATE schema_version SET version = 99")
    conn.commit()
    conn.close()
    with pytest.raises(ConfigError, match="newer"):
        open_store(tmp_path)


def test_not_a_database_is_an_input_error(tmp_path: Path) -> None:
    path = store_path(tmp_path)
    path.parent.mkdir()
    path.write_bytes(b"this is a spreadsheet, not a database" * 100)
    with pytest.raises(InputError, match="project store"):
        open_store(tmp_path)


def test_missing_project_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        open_store(tmp_path / "nope")
