"""Routing: which machine translations go to the review queue, and which are accepted.

A segment goes to review when its length-normalized model log-probability is below the pair's
``min_score``, or when any check listed in ``review_checks`` fired and was not suppressed on the
segment. Sentence BLEU/chrF are shown to reviewers but never used here: a reference-based score
alone says too little about one segment, and most segments have no reference.

Settings live in ``<project>/.polyshelf/routing.json`` beside the project store, so calibration
can write them back (tomllib is read-only)::

    {"default": {"min_score": -1.2, "review_checks": ["*"], "auto_approve": false,
                 "review_methods": ["fallback"]},
     "pairs": {"en-de": {"min_score": -0.9}, "en-US>de-CH": {"auto_approve": true}}}

A pair's entry overrides only the keys it names (the rest come from "default").
``review_checks`` holds rule ids or shell-style patterns (``"mt-*"``, ``"*"`` = any check).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from fnmatch import fnmatchcase
from pathlib import Path
from typing import TYPE_CHECKING, Any

from polyshelf.errors import ConfigError, InputError
from polyshelf.fileio import atomic_output
from polyshelf.store.db import STORE_DIR
from polyshelf.store.tm import normalize_lang

if TYPE_CHECKING:
    from polyshelf.store.review import ReviewQueue

ROUTING_FILE = "routing.json"
DEFAULT_MIN_SCORE = -1.2


@dataclass(frozen=True)
class RoutingPolicy:
    """Thresholds for routing; ``pairs`` holds per-pair overrides (``"en>de-DE"`` keys).

    The top-level fields are the project default. Use :meth:`for_pair` (or pass ``src_lang``
    and ``tgt_lang`` to :meth:`route`) to get the thresholds of one language pair.
    """

    min_score: float = DEFAULT_MIN_SCORE
    review_checks: tuple[str, ...] = ("*",)
    auto_approve: bool = False
    review_methods: tuple[str, ...] = ("fallback",)
    pairs: Mapping[str, RoutingPolicy] = field(default_factory=dict, compare=False, hash=False)

    def route(
        self,
        score: float | None,
        issue_ids: Sequence[str],
        suppressed: Mapping[str, str],
        *,
        method: str = "mt",
        src_lang: str | None = None,
        tgt_lang: str | None = None,
    ) -> tuple[str, list[str]]:
        """The state for a segment (``needs_review``, ``auto_approved`` or ``draft``) and why.

        ``score`` None (no model score, e.g. a TM hit) is judged by its checks alone; a
        ``method`` in ``review_methods`` (a fallback translation) always goes to review.
        """
        if src_lang and tgt_lang:
            return self.for_pair(src_lang, tgt_lang).route(
                score, issue_ids, suppressed, method=method
            )
        reasons: list[str] = []
        if method in self.review_methods:
            reasons.append(f"translated by {method}")
        if score is not None and score < self.min_score:
            reasons.append(f"model score {score:.2f} below {self.min_score:.2f}")
        for rule_id in dict.fromkeys(issue_ids):
            if rule_id in suppressed:
                continue
            if any(fnmatchcase(rule_id, pattern) for pattern in self.review_checks):
                reasons.append(f"check {rule_id}")
        if reasons:
            return "needs_review", reasons
        return ("auto_approved" if self.auto_approve else "draft"), []

    def for_pair(self, src_lang: str, tgt_lang: str) -> RoutingPolicy:
        """The exact pair's policy, else the bare languages' one, else this default."""
        src, tgt = normalize_lang(src_lang), normalize_lang(tgt_lang)
        for key in (f"{src}>{tgt}", f"{src.split('-')[0]}>{tgt.split('-')[0]}"):
            if key in self.pairs:
                return self.pairs[key]
        return replace(self, pairs={})

    def with_pair(self, src_lang: str, tgt_lang: str, **changes: Any) -> RoutingPolicy:
        """A copy whose pair policy has ``changes`` (e.g. a calibrated ``min_score``)."""
        pair_policy = replace(self.for_pair(src_lang, tgt_lang), **changes)
        key = f"{normalize_lang(src_lang)}>{normalize_lang(tgt_lang)}"
        return replace(self, pairs={**self.pairs, key: pair_policy})

    @classmethod
    def load(cls, project_dir: Path) -> RoutingPolicy:
        """The project's policy from ``.polyshelf/routing.json``; defaults without the file."""
        return load_routing(project_dir)

    def save(self, project_dir: Path) -> Path:
        return save_routing(project_dir, self)


def routing_path(project_dir: Path) -> Path:
    return Path(project_dir) / STORE_DIR / ROUTING_FILE


def load_routing(project_dir: Path) -> RoutingPolicy:
    path = routing_path(project_dir)
    if not path.exists():
        return RoutingPolicy()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("pairs", {}), dict):
        raise ConfigError(f"{path}: expected an object with 'default' and 'pairs'")
    default = _policy(RoutingPolicy(), data.get("default", {}), path, "default")
    pairs = {
        _pair_key(name, path): _policy(default, values, path, name)
        for name, values in data.get("pairs", {}).items()
    }
    return replace(default, pairs=pairs)


def save_routing(project_dir: Path, policy: RoutingPolicy) -> Path:
    path = routing_path(project_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "default": _policy_dict(policy),
        "pairs": {key: _policy_dict(p) for key, p in sorted(policy.pairs.items())},
    }
    with atomic_output(path) as temp:
        temp.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def calibrate(pairs: Sequence[tuple[float, bool]], target_recall: float = 0.9) -> float:
    """A ``min_score`` sending at least ``target_recall`` of the bad segments to review.

    ``pairs`` are (normalized score, was edited or rejected) of reviewed segments. The result is
    the smallest 0.001 step above the score of the k-th worst bad segment (k = recall × bad),
    so it is as permissive as the recall target allows.
    """
    if not 0 < target_recall <= 1:
        raise InputError(f"target recall must be in (0, 1], not {target_recall}")
    bad = sorted(score for score, is_bad in pairs if is_bad)
    if not bad:
        raise InputError("no edited or rejected segments to calibrate on")
    k = max(1, math.ceil(target_recall * len(bad) - 1e-9))
    cutoff = bad[k - 1]
    threshold = math.ceil(cutoff * 1000) / 1000
    if threshold <= cutoff:  # route() sends score < min_score to review
        threshold = round(threshold + 0.001, 3)
    return threshold


def calibrate_from_store(
    queue: ReviewQueue, src_lang: str, tgt_lang: str, target_recall: float = 0.9
) -> float:
    """:func:`calibrate` on the pair's reviewed items with a model score.

    Bad: rejected, or approved with a target a person changed. Good: approved unchanged.
    """
    src = normalize_lang(src_lang)
    samples: list[tuple[float, bool]] = []
    for state in ("approved", "rejected"):
        for item in queue.list(state=state, locale=tgt_lang):
            if item.score is None or (item.src_lang and item.src_lang != src):
                continue
            is_bad = state == "rejected" or item.target != item.mt_target
            samples.append((item.score, is_bad))
    return calibrate(samples, target_recall)


def _policy(base: RoutingPolicy, values: Any, path: Path, name: str) -> RoutingPolicy:
    if not isinstance(values, dict):
        raise ConfigError(f"{path}: '{name}' must be an object")
    unknown = set(values) - {"min_score", "review_checks", "auto_approve", "review_methods"}
    if unknown:
        raise ConfigError(f"{path}: '{name}' has unknown keys: {', '.join(sorted(unknown))}")
    policy = base
    if "min_score" in values:
        if not isinstance(values["min_score"], int | float) or isinstance(
            values["min_score"], bool
        ):
            raise ConfigError(f"{path}: '{name}.min_score' must be a number")
        policy = replace(policy, min_score=float(values["min_score"]))
    for key in ("review_checks", "review_methods"):
        if key in values:
            items = values[key]
            if not isinstance(items, list) or not all(isinstance(c, str) for c in items):
                raise ConfigError(f"{path}: '{name}.{key}' must be a list of names")
            policy = replace(policy, **{key: tuple(items)})
    if "auto_approve" in values:
        if not isinstance(values["auto_approve"], bool):
            raise ConfigError(f"{path}: '{name}.auto_approve' must be true or false")
        policy = replace(policy, auto_approve=values["auto_approve"])
    return policy


def _policy_dict(policy: RoutingPolicy) -> dict[str, Any]:
    return {
        "min_score": policy.min_score,
        "review_checks": list(policy.review_checks),
        "auto_approve": policy.auto_approve,
        "review_methods": list(policy.review_methods),
    }


def _pair_key(name: str, path: Path | None = None) -> str:
    """``en-de`` or ``en-US>de-DE`` → normalized ``src>tgt``."""
    if ">" in name:
        src, tgt = name.split(">", 1)
    else:
        parts = name.split("-")
        if len(parts) != 2:
            where = f"{path}: " if path else ""
            raise ConfigError(f"{where}pair {name!r}: write 'en-de' or 'en-US>de-DE'")
        src, tgt = parts
    return f"{normalize_lang(src)}>{normalize_lang(tgt)}"
