from __future__ import annotations

import json
from pathlib import Path

import pytest

from polyshelf.errors import ConfigError, InputError
from polyshelf.store.review import ReviewQueue
from polyshelf.store.routing import (
    RoutingPolicy,
    calibrate,
    calibrate_from_store,
    load_routing,
    routing_path,
)


def test_good_segment_is_draft_or_auto_approved() -> None:
    assert RoutingPolicy().route(-0.4, [], {}) == ("draft", [])
    assert RoutingPolicy(auto_approve=True).route(-0.4, [], {}) == ("auto_approved", [])


def test_low_score_goes_to_review() -> None:
    state, reasons = RoutingPolicy(min_score=-1.0).route(-1.7, [], {})
    assert state == "needs_review"
    assert reasons == ["model score -1.70 below -1.00"]


def test_checks_force_review_unless_suppressed() -> None:
    policy = RoutingPolicy(auto_approve=True)
    assert policy.route(-0.2, ["placeholder.mismatch"], {})[0] == "needs_review"
    assert policy.route(
        -0.2, ["placeholder.mismatch"], {"placeholder.mismatch": "price added by shop"}
    ) == ("auto_approved", [])


def test_review_checks_patterns() -> None:
    policy = RoutingPolicy(review_checks=("mt-*", "glossary.forbidden"))
    assert policy.route(None, ["length.ratio"], {})[0] == "draft"
    assert policy.route(None, ["mt-untranslated"], {})[1] == ["check mt-untranslated"]
    assert policy.route(None, ["glossary.forbidden"], {})[0] == "needs_review"


def test_fallback_method_goes_to_review_and_none_score_is_checks_only() -> None:
    assert RoutingPolicy().route(-0.1, [], {}, method="fallback")[0] == "needs_review"
    assert RoutingPolicy().route(None, [], {}, method="tm") == ("draft", [])


def test_per_pair_policy_from_file(tmp_path: Path) -> None:
    path = routing_path(tmp_path)
    path.parent.mkdir()
    path.write_text(
        json.dumps(
            {
                "default": {"min_score": -1.5, "auto_approve": True},
                "pairs": {"en-de": {"min_score": -0.9}, "en-US>fr-CA": {"auto_approve": False}},
            }
        ),
        encoding="utf-8",
    )
    policy = RoutingPolicy.load(tmp_path)
    assert policy.min_score == -1.5
    de = policy.for_pair("en", "de-DE")  # falls back to the bare-language pair
    assert (de.min_score, de.auto_approve) == (-0.9, True)
    assert policy.route(-1.2, [], {}, src_lang="en", tgt_lang="de")[0] == "needs_review"
    assert policy.route(-1.2, [], {}) == ("auto_approved", [])
    assert policy.for_pair("en_us", "fr_ca").auto_approve is False
    assert policy.for_pair("en", "fr").auto_approve is True


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    policy = RoutingPolicy(review_checks=("mt-*",)).with_pair("en", "de", min_score=-0.75)
    policy.save(tmp_path)
    loaded = load_routing(tmp_path)
    assert loaded.for_pair("en", "de").min_score == -0.75
    assert loaded.review_checks == ("mt-*",)
    assert load_routing(tmp_path / "elsewhere").min_score == -1.2  # defaults without a file


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        '{"default": {"min_score": "low"}}',
        '{"default": {"treshold": 1}}',
        '{"pairs": {"english-german-x": {}}}',
        '{"default": {"auto_approve": "yes"}}',
    ],
)
def test_bad_routing_file_is_config_error(tmp_path: Path, content: str) -> None:
    path = routing_path(tmp_path)
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError):
        load_routing(tmp_path)


def test_calibrate_reaches_target_recall() -> None:
    bad = [-2.5, -2.0, -1.8, -1.6, -1.4, -1.3, -1.1, -0.9, -0.8, -0.3]
    good = [-0.2, -0.35, -0.5, -0.6, -0.7, -1.0]
    pairs = [(s, True) for s in bad] + [(s, False) for s in good]
    threshold = calibrate(pairs, target_recall=0.9)
    routed = [s for s in bad if RoutingPolicy(min_score=threshold).route(s, [], {})[0] != "draft"]
    assert len(routed) / len(bad) >= 0.9
    assert threshold == pytest.approx(-0.799)  # as permissive as recall 0.9 allows
    assert calibrate(pairs, target_recall=1.0) == pytest.approx(-0.299)


def test_calibrate_needs_bad_samples() -> None:
    with pytest.raises(InputError, match="no edited or rejected"):
        calibrate([(-0.5, False)])
    with pytest.raises(InputError, match="recall"):
        calibrate([(-0.5, True)], target_recall=1.5)


def test_calibrate_from_store(queue: ReviewQueue) -> None:
    rows = [(-2.0, "reject"), (-1.5, "edit"), (-0.4, "approve"), (-0.3, "approve")]
    for n, (score, action) in enumerate(rows):
        item = queue.upsert_from_run(
            "job",
            f"Products!R{n}!Title#1",
            "de",
            f"Src {n}",
            f"Ziel {n}",
            "m",
            score,
            [],
            "needs_review",
            src_lang="en",
        )
        if action == "reject":
            queue.reject(item.id, "ann", "wrong")
        elif action == "edit":
            queue.edit(item.id, "ann", f"Besser {n}")
        else:
            queue.approve(item.id, "ann")
    assert calibrate_from_store(queue, "en", "de", target_recall=1.0) == pytest.approx(-1.499)
