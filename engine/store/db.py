"""The project store: one SQLite database per project, shared by the desktop app and batch runs.

The file is ``<project>/.polyshelf/project.db``, opened in WAL mode so readers never block the
single writer. Every write goes through :meth:`Store.transaction`, which starts with
``BEGIN IMMEDIATE``: the write lock is taken up front, so two processes doing
read-modify-write serialize (the second waits up to ``busy_timeout``) instead of one failing
half-way or silently overwriting the other's update.

Threads and processes: a :class:`Store` holds one connection and must stay in the thread that
opened it (sqlite3 enforces this). Each process or thread opens its own Store on the same file.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from polyshelf.closing import Closing
from polyshelf.errors import ConfigError, InputError

STORE_DIR = ".polyshelf"
DB_NAME = "project.db"
BUSY_TIMEOUT_MS = 30_000
LOCK_RETRIES = 5
_RETRY_PAUSE_S = 0.2

# Each entry upgrades the schema by one version; never edit an entry once released, append.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE tm_entries (
        id INTEGER PRIMARY KEY,
        src_lang TEXT NOT NULL,
        tgt_lang TEXT NOT NULL,
        source TEXT NOT NULL,
        source_norm TEXT NOT NULL,
        source_len INTEGER NOT NULL,
        target TEXT NOT NULL,
        origin TEXT NOT NULL,
        priority INTEGER NOT NULL,
        quality REAL,
        context TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL DEFAULT '',
        UNIQUE (src_lang, tgt_lang, source_norm)
    );
    CREATE INDEX tm_by_length ON tm_entries (src_lang, tgt_lang, source_len);

    CREATE TABLE review_items (
        id INTEGER PRIMARY KEY,
        job_key TEXT NOT NULL,
        unit_key TEXT NOT NULL,
        locale TEXT NOT NULL,
        src_lang TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL,
        target TEXT NOT NULL,
        mt_target TEXT NOT NULL,
        model_id TEXT NOT NULL DEFAULT '',
        score REAL,
        checks TEXT NOT NULL DEFAULT '[]',
        suppressed TEXT NOT NULL DEFAULT '{}',
        sentence_bleu REAL,
        sentence_chrf REAL,
        state TEXT NOT NULL,
        human_edited INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL DEFAULT '',
        UNIQUE (job_key, unit_key, locale)
    );
    CREATE INDEX review_by_state ON review_items (state, locale);

    CREATE TABLE review_history (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES review_items (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        who TEXT NOT NULL,
        action TEXT NOT NULL,
        old_state TEXT,
        new_state TEXT,
        old_target TEXT,
        new_target TEXT,
        comment TEXT
    );
    CREATE INDEX history_by_item ON review_history (item_id);
    """,
)


def utc_now() -> str:
    """Timestamp stored with every change: ISO 8601, UTC, microseconds (sorts as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def store_path(project_dir: Path) -> Path:
    return Path(project_dir) / STORE_DIR / DB_NAME


def open_store(project_dir: Path) -> Store:
    """Open (creating on first use) the project database and bring its schema up to date."""
    path = store_path(project_dir)
    if not Path(project_dir).is_dir():
        raise InputError(f"project folder does not exist: {project_dir}")
    try:
        path.parent.mkdir(exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot create {path.parent}: {exc.strerror or exc}") from exc
    store = Store(path)
    try:
        store.migrate()
    except BaseException:
        store.close()
        raise
    return store


def _is_locked(exc: sqlite3.OperationalError) -> bool:
    message = str(exc).lower()
    return "database is locked" in message or "database is busy" in message


class Store(Closing):
    """One connection to the project database. Use :func:`open_store` to get one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            # isolation_level=None: no implicit transactions; transaction() issues BEGIN itself.
            self._conn = sqlite3.connect(
                str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None
            )
            self._conn.row_factory = sqlite3.Row
            self._with_lock_retry(lambda: self._conn.execute("PRAGMA journal_mode=WAL"))
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            self._conn.execute("PRAGMA foreign_keys=ON")
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot open project store {path}: {exc}") from exc
        self._depth = 0

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction (``BEGIN IMMEDIATE``); commits on success, rolls back on error.

        Nested use joins the outer transaction, so a method that writes can be called inside a
        caller's larger read-modify-write block and everything commits together.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self._conn
            finally:
                self._depth -= 1
            return
        self._with_lock_retry(lambda: self._conn.execute("BEGIN IMMEDIATE"))
        self._depth = 1
        try:
            yield self._conn
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        try:
            self._with_lock_retry(lambda: self._conn.execute("COMMIT"))
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only statement and return all rows."""
        return self._conn.execute(sql, params).fetchall()

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Run a read-only statement and yield rows lazily (for large exports)."""
        cursor = self._conn.execute(sql, params)
        try:
            yield from cursor
        finally:
            cursor.close()

    # -- schema -------------------------------------------------------------------------------

    def schema_version(self) -> int:
        row = self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='schema_version'"
        ).fetchone()
        if row is None:
            return 0
        version = self._conn.execute("SELECT version FROM schema_version").fetchone()
        return int(version[0]) if version else 0

    def migrate(self) -> None:
        """Apply the migrations this database lacks; refuse a database from a newer release."""
        try:
            with self.transaction() as conn:
                # Read inside the write lock: two processes opening a new store both migrate.
                current = self.schema_version()
                if current > len(MIGRATIONS):
                    raise ConfigError(
                        f"{self.path} has schema version {current}, newer than this polyshelf "
                        f"supports ({len(MIGRATIONS)}); upgrade polyshelf"
                    )
                if current == len(MIGRATIONS):
                    return
                conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
                for script in MIGRATIONS[current:]:
                    for statement in _statements(script):
                        conn.execute(statement)
                conn.execute("DELETE FROM schema_version")
                conn.execute("INSERT INTO schema_version VALUES (?)", (len(MIGRATIONS),))
        except sqlite3.DatabaseError as exc:
            raise InputError(f"cannot use project store {self.path}: {exc}") from exc

    # -- lifecycle ----------------------------------------------------------------------------

    def close(self) -> None:
        self._conn.close()

    def _with_lock_retry(self, action: Any) -> Any:
        # busy_timeout already waits for the lock; this covers the rare immediate SQLITE_BUSY
        # (e.g. a WAL recovery in progress) without retrying forever.
        for attempt in range(LOCK_RETRIES):
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if not _is_locked(exc):
                    raise
                if attempt == LOCK_RETRIES - 1:
                    raise InputError(
                        f"project store {self.path} is locked by another program; try again"
                    ) from exc
                time.sleep(_RETRY_PAUSE_S * (attempt + 1))
        raise AssertionError("unreachable")


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT our open transaction, so run statement by statement.
    return [s.strip() for s in script.split(";") if s.strip()]
