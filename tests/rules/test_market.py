"""Loading market packs: shipped packs, fallbacks, project overrides, bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polyshelf.errors import ConfigError
from polyshelf.rules import load_market
from polyshelf.rules.market import SHIPPED_MARKETS

SHIPPED = ["de-DE", "de-AT", "de-CH", "fr-FR", "fr-CA", "fr-CH", "en-GB", "en-US"]


def write_override(project: Path, locale: str, data: object) -> Path:
    path = project / "markets" / f"{locale}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("locale", SHIPPED)
def test_every_shipped_pack_loads(locale: str) -> None:
    pack = load_market(locale)
    assert pack.locale == locale
    assert pack.currency and pack.size_system in {"EU", "UK", "US"}
    assert pack.max_length("Title") == 150
    assert "formality" not in pack.rules or pack.formality == "formal"


def test_market_facts() -> None:
    assert load_market("en-US").metric is False
    assert load_market("en-US").size_system == "US"
    assert (load_market("en-GB").currency, load_market("en-GB").size_system) == ("GBP", "UK")
    assert load_market("de-CH").currency == "CHF"
    assert "swiss-ss" in load_market("de-CH").enabled_rule_ids()
    assert "swiss-ss" not in load_market("de-DE").enabled_rule_ids()
    assert load_market("fr-CA").currency == "CAD" and load_market("fr-CA").metric


@pytest.mark.parametrize(
    ("asked", "locale", "rules_of"),
    [("de", "de-DE", "de-DE"), ("fr", "fr-FR", "fr-FR"), ("de_de", "de-DE", "de-DE")],
)
def test_language_codes_and_spellings(asked: str, locale: str, rules_of: str) -> None:
    pack = load_market(asked)
    assert pack.locale == locale
    assert pack.rules == load_market(rules_of).rules


def test_unknown_region_borrows_its_language_pack() -> None:
    pack = load_market("de-LU")
    assert pack.locale == "de-LU"
    assert pack.rules == load_market("de-DE").rules
    assert pack.currency == "EUR"
    assert pack.sources == (str(SHIPPED_MARKETS / "de-DE.json"),)


def test_unknown_language_gets_a_neutral_pack() -> None:
    pack = load_market("xx-YY")
    assert pack.metric is True
    assert pack.rules == {} and pack.max_lengths == {}
    assert pack.formality is None
    enabled = pack.enabled_rule_ids()
    assert "whitespace" in enabled
    assert not {"typography-quotes", "formality", "typography-fr-spacing"} & set(enabled)


def test_project_override_wins_per_key(tmp_path: Path) -> None:
    write_override(
        tmp_path,
        "de-DE",
        {
            "currency": "CHF",
            "rules": {
                "typography-quotes": {"enabled": False},
                "forbidden-term": {"fix": False},
                "required-phrase": {"column": "Description*", "phrase": "Made in EU"},
            },
            "max_lengths": {"Title": 80},
        },
    )
    pack = load_market("de-DE", tmp_path)
    shipped = load_market("de-DE")
    assert pack.currency == "CHF" and pack.size_system == "EU"
    assert pack.max_length("Title") == 80
    assert pack.max_length("Meta description") == 160
    assert "typography-quotes" not in pack.enabled_rule_ids()
    assert "required-phrase" in pack.enabled_rule_ids()
    # Parameters merge: the shipped term list stays, the project turns its fix off.
    assert pack.rules["forbidden-term"]["terms"] == shipped.rules["forbidden-term"]["terms"]
    assert pack.rules["forbidden-term"]["fix"] is False
    assert len(pack.sources) == 2


def test_project_pack_for_a_market_without_a_shipped_one(tmp_path: Path) -> None:
    write_override(tmp_path, "it-IT", {"name": "Italia", "max_lengths": {"Name": 90}})
    pack = load_market("it-IT", tmp_path)
    assert (pack.name, pack.currency, pack.max_length("name")) == ("Italia", "EUR", 90)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "bad JSON at line 1"),
        ('["de-DE"]', "one JSON object"),
        ({"curency": "EUR"}, "unknown key(s) curency"),
        ({"rules": {"typografie": {}}}, "unknown rule id 'typografie'"),
        ({"rules": {"typography-quotes": {"style": "klingon"}}}, "'style' must be one of"),
        ({"rules": {"forbidden-term": {"words": []}}}, "unknown parameter(s) words"),
        ({"rules": {"forbidden-term": {"terms": [{"regex": "("}]}}}, "bad regex"),
        ({"rules": {"formality": {"enabled": "no"}}}, "'enabled' must be true or false"),
        ({"max_lengths": {"Title": 0}}, "positive whole number"),
        ({"size_system": "JP"}, "'size_system' must be one of"),
        ({"metric": "yes"}, "'metric' must be true or false"),
    ],
)
def test_bad_pack_is_a_one_line_config_error(tmp_path: Path, content: object, message: str) -> None:
    write_override(tmp_path, "de-DE", content)
    with pytest.raises(ConfigError) as error:
        load_market("de-DE", tmp_path)
    text = str(error.value)
    assert text.startswith("market pack de-DE.json: ")
    assert message in text
    assert "\n" not in text


def test_not_a_locale_code() -> None:
    with pytest.raises(ConfigError, match="not a locale code"):
        load_market("de/../../etc")
