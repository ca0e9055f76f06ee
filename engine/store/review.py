"""The review queue: one item per segment occurrence, per target locale, with full history.

An item is keyed by ``(job_key, unit_key, locale)``; ``unit_key`` names the place in the
catalog (``Products!R12!Description#3`` or ``SKU=KX-200!Description#3``). Its states:

* machine states, set by a run through :meth:`ReviewQueue.upsert_from_run`: ``draft``
  (machine-translated, not sent to review; ``mt`` is accepted as an alias), ``needs_review``
  and ``auto_approved``;
* human states, set by reviewers: ``approved``, ``rejected``; and ``needs_rewriting``, set by a
  run when the source text changed after a person approved or edited the translation.

Reviewer actions follow :data:`TRANSITIONS`; anything else raises InputError. ``edit`` counts as
confirming the text (as in memoQ/Trados: an edited segment is a confirmed one) and moves the item
to ``approved`` unless ``keep_state=True``. Approving (or editing into ``approved``) writes the
pair to the translation memory with origin ``approved`` in the same transaction; rejecting
removes the matching ``mt`` TM entry so a later run does not reuse the rejected text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from polyshelf.errors import InputError
from polyshelf.issues import Issue
from polyshelf.store.db import Store, utc_now
from polyshelf.store.review_model import (
    APPROVED,
    MACHINE_STATES,
    NEEDS_REVIEW,
    NEEDS_REWRITING,
    REJECTED,
    SYSTEM_USER,
    TRANSITIONS,
    CheckNote,
    HistoryEntry,
    ReviewItem,
    normalize_state,
)
from polyshelf.store.tm import TranslationMemory, normalize, normalize_lang


class ReviewQueue:
    """The review tables of one :class:`Store`. Cheap to create; holds no state of its own."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.tm = TranslationMemory(store)

    # -- runs ---------------------------------------------------------------------------------

    def upsert_from_run(
        self,
        job_key: str,
        unit_key: str,
        locale: str,
        source: str,
        target: str,
        model_id: str,
        score: float | None,
        checks: Sequence[Issue | CheckNote | str],
        state: str,
        *,
        src_lang: str = "",
        sentence_bleu: float | None = None,
        sentence_chrf: float | None = None,
    ) -> ReviewItem:
        """Record a run's translation of one segment and return the item as it now stands.

        New item: stored with the routed ``state``. Same source as stored: an item a person
        approved, rejected or edited is left untouched (its target is what the run should
        use); a machine item takes the new target and state. Changed source: an item a person
        approved or edited becomes ``needs_rewriting`` (the old target stays in the history);
        any other item is replaced by the new translation with the routed state.

        Without ``src_lang`` the item works as usual but approving it cannot fill the TM.
        """
        state = normalize_state(state)
        if state not in MACHINE_STATES:
            raise InputError(f"a run can only set {', '.join(sorted(MACHINE_STATES))}, not {state}")
        locale = normalize_lang(locale)
        src = normalize_lang(src_lang) if src_lang else ""
        check_json = json.dumps([_check_dict(c) for c in checks], ensure_ascii=False)
        # source, target, mt_target, model_id, score, checks, sentence_bleu, sentence_chrf
        run_values = (
            source,
            target,
            target,
            model_id,
            score,
            check_json,
            sentence_bleu,
            sentence_chrf,
        )
        now = utc_now()
        with self.store.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM review_items WHERE job_key=? AND unit_key=? AND locale=?",
                (job_key, unit_key, locale),
            ).fetchone()
            if row is None:
                item_id = conn.execute(
                    """
                    INSERT INTO review_items (job_key, unit_key, locale, src_lang, source,
                        target, mt_target, model_id, score, checks, sentence_bleu,
                        sentence_chrf, state, created_at, updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    (job_key, unit_key, locale, src, *run_values, state, now, now, SYSTEM_USER),
                ).lastrowid
                assert item_id is not None
                self._log(conn, item_id, SYSTEM_USER, "created", None, state, None, target, None)
                return self.get(item_id)
            item = _item(row)
            touched_by_person = item.state not in MACHINE_STATES or item.human_edited
            if normalize(item.source) == normalize(source):
                if touched_by_person:
                    return item
                new_state, action, comment = state, "rerun", None
                if item.target == target and item.state == state:
                    action = ""  # nothing a person would want in the history
            else:
                action, comment = "source_changed", f"previous source: {item.source}"
                keeps_human_text = item.state in (APPROVED, NEEDS_REWRITING) or item.human_edited
                new_state = NEEDS_REWRITING if keeps_human_text else state
            conn.execute(
                """
                UPDATE review_items SET source=?, target=?, mt_target=?, model_id=?, score=?,
                    checks=?, sentence_bleu=?, sentence_chrf=?, state=?, human_edited=0,
                    src_lang=COALESCE(NULLIF(?, ''), src_lang), updated_at=?, updated_by=?
                WHERE id=?
                """,
                (*run_values, new_state, src, now, SYSTEM_USER, item.id),
            )
            if action:
                self._log(
                    conn,
                    item.id,
                    SYSTEM_USER,
                    action,
                    item.state,
                    new_state,
                    item.target,
                    target,
                    comment,
                )
        return self.get(item.id)

    # -- reviewer actions ---------------------------------------------------------------------

    def approve(
        self, item_id: int, who: str, comment: str | None = None, target: str | None = None
    ) -> ReviewItem:
        """Approve the item, optionally with corrected ``target``; fills the TM."""
        with self.store.transaction():
            item = self.get(item_id)
            _check_transition(item, APPROVED)
            return self._change(item, who, "approve", APPROVED, target, comment)

    def reject(self, item_id: int, who: str, comment: str) -> ReviewItem:
        """Reject the item; a comment saying why is required."""
        if not (comment or "").strip():
            raise InputError("rejecting needs a comment saying what is wrong")
        with self.store.transaction():
            item = self.get(item_id)
            _check_transition(item, REJECTED)
            if item.src_lang:
                self.tm.remove_mt(item.source, item.target, item.src_lang, item.locale)
            return self._change(item, who, "reject", REJECTED, None, comment)

    def edit(
        self,
        item_id: int,
        who: str,
        new_target: str,
        comment: str | None = None,
        keep_state: bool = False,
    ) -> ReviewItem:
        """Replace the target; the item becomes ``approved`` unless ``keep_state``."""
        if not new_target.strip():
            raise InputError("the new translation is empty; use reject to refuse a segment")
        with self.store.transaction():
            item = self.get(item_id)
            new_state = item.state if keep_state else APPROVED
            if new_state != item.state:
                _check_transition(item, new_state)
            return self._change(item, who, "edit", new_state, new_target, comment)

    def reopen(self, item_id: int, who: str, comment: str | None = None) -> ReviewItem:
        """Send the item (back) to ``needs_review``."""
        with self.store.transaction():
            item = self.get(item_id)
            _check_transition(item, NEEDS_REVIEW)
            return self._change(item, who, "reopen", NEEDS_REVIEW, None, comment)

    def suppress(self, item_id: int, rule_id: str, reason: str, who: str) -> ReviewItem:
        """Suppress one check on this item, with the reason; kept across later runs."""
        if not rule_id.strip() or not reason.strip():
            raise InputError("suppressing a check needs a rule id and a reason")
        with self.store.transaction() as conn:
            item = self.get(item_id)
            suppressed = {**item.suppressed, rule_id: reason}
            conn.execute(
                "UPDATE review_items SET suppressed=?, updated_at=?, updated_by=? WHERE id=?",
                (json.dumps(suppressed, ensure_ascii=False), utc_now(), who, item.id),
            )
            self._log(
                conn,
                item.id,
                who,
                "suppress",
                item.state,
                item.state,
                None,
                None,
                f"{rule_id}: {reason}",
            )
        return self.get(item_id)

    # -- reading ------------------------------------------------------------------------------

    def get(self, item_id: int) -> ReviewItem:
        rows = self.store.query("SELECT * FROM review_items WHERE id=?", (item_id,))
        if not rows:
            raise InputError(f"no review item {item_id}")
        return _item(rows[0])

    def find(self, job_key: str, unit_key: str, locale: str) -> ReviewItem | None:
        rows = self.store.query(
            "SELECT * FROM review_items WHERE job_key=? AND unit_key=? AND locale=?",
            (job_key, unit_key, normalize_lang(locale)),
        )
        return _item(rows[0]) if rows else None

    def approved_target(
        self, job_key: str, unit_key: str, locale: str, source: str | None = None
    ) -> str | None:
        """The approved text for this place, or None; with ``source``, only if it is unchanged."""
        item = self.find(job_key, unit_key, locale)
        if item is None or item.state != APPROVED:
            return None
        if source is not None and normalize(source) != normalize(item.source):
            return None
        return item.target

    def list(
        self,
        state: str | None = None,
        locale: str | None = None,
        job_key: str | None = None,
        limit: int | None = None,
    ) -> list[ReviewItem]:
        sql, params = "SELECT * FROM review_items WHERE 1=1", []
        if state:
            sql, params = sql + " AND state=?", [*params, normalize_state(state)]
        if locale:
            lang = normalize_lang(locale)
            if "-" in lang:
                sql, params = sql + " AND locale=?", [*params, lang]
            else:
                sql, params = sql + " AND (locale=? OR locale LIKE ?)", [*params, lang, f"{lang}-%"]
        if job_key:
            sql, params = sql + " AND job_key=?", [*params, job_key]
        sql += " ORDER BY id"
        if limit is not None:
            sql, params = sql + " LIMIT ?", [*params, max(0, limit)]
        return [_item(r) for r in self.store.query(sql, params)]

    def history(self, item_id: int) -> list[HistoryEntry]:
        rows = self.store.query(
            "SELECT * FROM review_history WHERE item_id=? ORDER BY id", (item_id,)
        )
        return [
            HistoryEntry(
                item_id=r["item_id"],
                at=r["at"],
                who=r["who"],
                action=r["action"],
                old_state=r["old_state"],
                new_state=r["new_state"],
                old_target=r["old_target"],
                new_target=r["new_target"],
                comment=r["comment"],
            )
            for r in rows
        ]

    def counts_by_state(self, job_key: str | None = None) -> dict[str, int]:
        sql, params = "SELECT state, COUNT(*) FROM review_items", []
        if job_key:
            sql, params = sql + " WHERE job_key=?", [job_key]
        rows = self.store.query(sql + " GROUP BY state", params)
        return {r[0]: int(r[1]) for r in rows}

    # -- internals ----------------------------------------------------------------------------

    def _change(
        self,
        item: ReviewItem,
        who: str,
        action: str,
        new_state: str,
        new_target: str | None,
        comment: str | None,
    ) -> ReviewItem:
        # Caller holds the transaction; item was read inside it.
        target = item.target if new_target is None else new_target
        edited = item.human_edited or (new_target is not None and new_target != item.mt_target)
        with self.store.transaction() as db:
            db.execute(
                "UPDATE review_items SET target=?, state=?, human_edited=?, updated_at=?, "
                "updated_by=? WHERE id=?",
                (target, new_state, int(edited), utc_now(), who, item.id),
            )
            self._log(db, item.id, who, action, item.state, new_state, item.target, target, comment)
            if new_state == APPROVED and item.src_lang:
                self.tm.add(
                    item.source,
                    target,
                    item.src_lang,
                    item.locale,
                    "approved",
                    context=f"{item.job_key}:{item.unit_key}",
                    who=who,
                )
        return self.get(item.id)

    @staticmethod
    def _log(
        conn: sqlite3.Connection,
        item_id: int,
        who: str,
        action: str,
        old_state: str | None,
        new_state: str | None,
        old_target: str | None,
        new_target: str | None,
        comment: str | None,
    ) -> None:
        conn.execute(
            "INSERT INTO review_history (item_id, at, who, action, old_state, new_state, "
            "old_target, new_target, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item_id,
                utc_now(),
                who,
                action,
                old_state,
                new_state,
                old_target,
                new_target,
                comment,
            ),
        )


def _check_transition(item: ReviewItem, new_state: str) -> None:
    if new_state not in TRANSITIONS.get(item.state, frozenset()):
        raise InputError(f"review item {item.id} is {item.state}; it cannot become {new_state}")


def _check_dict(check: Issue | CheckNote | str) -> dict[str, str]:
    if isinstance(check, Issue):
        return {"rule_id": check.rule_id, "severity": str(check.severity), "message": check.message}
    if isinstance(check, CheckNote):
        return {"rule_id": check.rule_id, "severity": check.severity, "message": check.message}
    return {"rule_id": str(check), "severity": "", "message": ""}


def _item(row: sqlite3.Row) -> ReviewItem:
    checks = tuple(
        CheckNote(c.get("rule_id", ""), c.get("severity", ""), c.get("message", ""))
        for c in json.loads(row["checks"] or "[]")
    )
    return ReviewItem(
        id=int(row["id"]),
        job_key=row["job_key"],
        unit_key=row["unit_key"],
        locale=row["locale"],
        src_lang=row["src_lang"],
        source=row["source"],
        target=row["target"],
        mt_target=row["mt_target"],
        model_id=row["model_id"],
        score=row["score"],
        checks=checks,
        suppressed=dict(json.loads(row["suppressed"] or "{}")),
        sentence_bleu=row["sentence_bleu"],
        sentence_chrf=row["sentence_chrf"],
        state=row["state"],
        human_edited=bool(row["human_edited"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        updated_by=row["updated_by"],
    )
