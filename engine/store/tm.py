"""Translation memory in the project store: exact and fuzzy lookup, one entry per source text.

Entries are keyed by language pair and *normalized* source (NFC, runs of whitespace collapsed to
one space, trimmed; case is kept, since "US" and "us" translate differently). A pair keeps one
entry per normalized source; a new translation replaces it only if its origin ranks at least as
high: ``approved`` > ``import`` > ``mt``. A batch run can therefore never overwrite what a
reviewer approved.

Language codes are normalized (``de_de`` → ``de-DE``). Lookups try the exact locale pair first,
then the bare languages (a ``de-DE`` lookup falls back to entries stored as ``de``); sibling
regions never match each other (``de-CH`` text is not offered for ``de-DE``). Listing with
:meth:`TranslationMemory.entries` and a bare language (``de``) includes every region.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process

from polyshelf.errors import InputError
from polyshelf.store.db import Store, utc_now

ORIGIN_PRIORITY = {"mt": 1, "import": 2, "approved": 3}
EXACT_SCORE = 100.0

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class TMEntry:
    id: int
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    origin: str
    quality: float | None
    context: str
    updated_at: str
    updated_by: str


@dataclass(frozen=True)
class TMMatch:
    entry: TMEntry
    score: float  # 100.0 for an exact match; rapidfuzz ratio (0-100) otherwise

    @property
    def target(self) -> str:
        return self.entry.target


class SourceTargetPair(Protocol):
    """Anything with source and target text: TmxUnit, BilingualUnit."""

    @property
    def source(self) -> str: ...

    @property
    def target(self) -> str: ...


def normalize(text: str) -> str:
    """The TM key for ``text``: NFC, whitespace runs collapsed to one space, trimmed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def normalize_lang(code: str) -> str:
    """``de_de`` → ``de-DE``, ``zh_hant_tw`` → ``zh-Hant-TW``; raises InputError if empty."""
    parts = [p for p in code.strip().replace("_", "-").split("-") if p]
    if not parts or not parts[0].isalpha():
        raise InputError(f"not a language code: {code!r}")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) in (2, 3):
            out.append(part.upper())
        else:
            out.append(part)
    return "-".join(out)


def _fallbacks(code: str) -> list[str]:
    lang = normalize_lang(code)
    base = lang.split("-")[0]
    return [lang] if base == lang else [lang, base]


def _lang_pairs(src_lang: str, tgt_lang: str) -> list[tuple[str, str]]:
    """Pairs to try, most specific first."""
    return [(s, t) for s in _fallbacks(src_lang) for t in _fallbacks(tgt_lang)]


def _check_origin(origin: str) -> int:
    if origin not in ORIGIN_PRIORITY:
        raise InputError(f"unknown TM origin {origin!r}; use one of {', '.join(ORIGIN_PRIORITY)}")
    return ORIGIN_PRIORITY[origin]


def _length_window(length: int, min_score: float) -> tuple[int, int]:
    # fuzz.ratio is 2*matches/(a+b)*100, so its ceiling for lengths a, b is 2*min/(a+b)*100:
    # strings outside this window can never reach min_score and are not fetched at all.
    m = max(min_score, 1.0) / 100
    return int(length * m / (2 - m)), int(length * (2 - m) / m) + 1


class TranslationMemory:
    """The TM table of one :class:`Store`. Cheap to create; holds no state of its own."""

    def __init__(self, store: Store) -> None:
        self.store = store

    normalize = staticmethod(normalize)

    def add(
        self,
        source: str,
        target: str,
        src_lang: str,
        tgt_lang: str,
        origin: str = "mt",
        quality: float | None = None,
        context: str = "",
        who: str = "",
    ) -> int:
        """Insert or update the entry for ``source``; return its id.

        An existing entry of a higher-ranked origin is kept as it is (its id is returned).
        """
        priority = _check_origin(origin)
        key = normalize(source)
        if not key or not target.strip():
            raise InputError("a TM entry needs non-empty source and target text")
        src, tgt = normalize_lang(src_lang), normalize_lang(tgt_lang)
        now = utc_now()
        with self.store.transaction() as conn:
            row = conn.execute(
                """
                INSERT INTO tm_entries (src_lang, tgt_lang, source, source_norm, source_len,
                    target, origin, priority, quality, context, created_at, updated_at,
                    updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (src_lang, tgt_lang, source_norm) DO UPDATE SET
                    source = excluded.source, target = excluded.target,
                    origin = excluded.origin, priority = excluded.priority,
                    quality = excluded.quality, context = excluded.context,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                WHERE excluded.priority >= tm_entries.priority
                RETURNING id
                """,
                (
                    src,
                    tgt,
                    source,
                    key,
                    len(key),
                    target,
                    origin,
                    priority,
                    quality,
                    context,
                    now,
                    now,
                    who,
                ),
            ).fetchone()
            if row is None:  # a higher-ranked entry exists and was kept
                row = conn.execute(
                    "SELECT id FROM tm_entries WHERE src_lang=? AND tgt_lang=? AND source_norm=?",
                    (src, tgt, key),
                ).fetchone()
        return int(row[0])

    def remove_mt(self, source: str, target: str, src_lang: str, tgt_lang: str) -> bool:
        """Delete the ``mt`` entry for ``source`` if it still holds ``target`` (a rejection)."""
        with self.store.transaction() as conn:
            cursor = conn.execute(
                "DELETE FROM tm_entries WHERE src_lang=? AND tgt_lang=? AND source_norm=? "
                "AND origin='mt' AND target=?",
                (normalize_lang(src_lang), normalize_lang(tgt_lang), normalize(source), target),
            )
        return cursor.rowcount > 0

    def exact(self, source: str, src_lang: str, tgt_lang: str) -> TMMatch | None:
        """The entry whose normalized source equals ``source``'s, exact locales first."""
        key = normalize(source)
        if not key:
            return None
        for src, tgt in _lang_pairs(src_lang, tgt_lang):
            rows = self.store.query(
                "SELECT * FROM tm_entries WHERE src_lang=? AND tgt_lang=? AND source_norm=?",
                (src, tgt, key),
            )
            if rows:
                return TMMatch(_entry(rows[0]), EXACT_SCORE)
        return None

    def fuzzy(
        self, source: str, src_lang: str, tgt_lang: str, min_score: float = 75, limit: int = 5
    ) -> list[TMMatch]:
        """Up to ``limit`` entries at least ``min_score`` similar (case-insensitive), best first.

        Ties rank the exact locale pair, then the higher origin, first.
        """
        key = normalize(source)
        if not key or limit <= 0:
            return []
        low, high = _length_window(len(key), min_score)
        pairs = _lang_pairs(src_lang, tgt_lang)
        candidates: list[tuple[TMEntry, int]] = []
        for rank, (src, tgt) in enumerate(pairs):
            rows = self.store.query(
                "SELECT * FROM tm_entries WHERE src_lang=? AND tgt_lang=? "
                "AND source_len BETWEEN ? AND ?",
                (src, tgt, low, high),
            )
            candidates += [(_entry(r), rank) for r in rows]
        if not candidates:
            return []
        choices = [normalize(entry.source).casefold() for entry, _ in candidates]
        found = process.extract(
            key.casefold(), choices, scorer=fuzz.ratio, score_cutoff=min_score, limit=None
        )
        matches = [
            (score, candidates[index])
            for _choice, score, index in found  # type: ignore[misc]
        ]
        matches.sort(
            key=lambda m: (-m[0], m[1][1], -ORIGIN_PRIORITY.get(m[1][0].origin, 0), m[1][0].id)
        )
        return [TMMatch(entry, round(float(score), 2)) for score, (entry, _) in matches[:limit]]

    def entries(
        self, src_lang: str, tgt_lang: str, origins: Iterable[str] | None = None
    ) -> Iterator[TMEntry]:
        """Every entry of the pair in insertion order; a bare language includes its regions."""
        where, params = _lang_filter("src_lang", src_lang)
        tgt_where, tgt_params = _lang_filter("tgt_lang", tgt_lang)
        sql = f"SELECT * FROM tm_entries WHERE {where} AND {tgt_where}"
        params += tgt_params
        if origins is not None:
            wanted = list(origins)
            for origin in wanted:
                _check_origin(origin)
            sql += f" AND origin IN ({','.join('?' * len(wanted))})"
            params += wanted
        for row in self.store.iterate(sql + " ORDER BY id", params):
            yield _entry(row)

    def import_units(
        self,
        units: Iterable[SourceTargetPair],
        src_lang: str,
        tgt_lang: str,
        origin: str = "import",
        who: str = "",
    ) -> int:
        """Add every unit with non-empty source and target, in one transaction; return how many
        were offered (entries kept by precedence count too)."""
        _check_origin(origin)
        count = 0
        with self.store.transaction():
            for unit in units:
                if not normalize(unit.source) or not unit.target.strip():
                    continue
                self.add(unit.source, unit.target, src_lang, tgt_lang, origin, who=who)
                count += 1
        return count

    def count(self, src_lang: str | None = None, tgt_lang: str | None = None) -> int:
        sql, params = "SELECT COUNT(*) FROM tm_entries WHERE 1=1", []
        if src_lang:
            where, extra = _lang_filter("src_lang", src_lang)
            sql, params = f"{sql} AND {where}", params + extra
        if tgt_lang:
            where, extra = _lang_filter("tgt_lang", tgt_lang)
            sql, params = f"{sql} AND {where}", params + extra
        return int(self.store.query(sql, params)[0][0])

    def stats(self) -> list[tuple[str, str, str, int]]:
        """(src_lang, tgt_lang, origin, count) rows, sorted."""
        rows = self.store.query(
            "SELECT src_lang, tgt_lang, origin, COUNT(*) FROM tm_entries "
            "GROUP BY src_lang, tgt_lang, origin ORDER BY src_lang, tgt_lang, origin"
        )
        return [(r[0], r[1], r[2], int(r[3])) for r in rows]


def _lang_filter(column: str, code: str) -> tuple[str, list[str]]:
    lang = normalize_lang(code)
    if "-" in lang:
        return f"{column} = ?", [lang]
    return f"({column} = ? OR {column} LIKE ?)", [lang, f"{lang}-%"]


def _entry(row: sqlite3.Row) -> TMEntry:
    return TMEntry(
        id=int(row["id"]),
        source=row["source"],
        target=row["target"],
        src_lang=row["src_lang"],
        tgt_lang=row["tgt_lang"],
        origin=row["origin"],
        quality=row["quality"],
        context=row["context"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
    )
