"""Market packs: one JSON file per market with its rules, formats and field lengths.

Shipped packs live in ``markets/<locale>.json`` beside this module; a project may add or
override one in ``<project>/markets/<locale>.json``. The project file is merged over the shipped
one key by key (for ``rules`` and ``max_lengths`` per rule id or column pattern, and within one
rule per parameter). A locale without a pack borrows the pack of its language (``de-LU`` uses
``de-DE``, with the territory's currency); with none, a neutral pack with only the language-free
rules applies.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from babel.numbers import get_territory_currencies

from polyshelf.errors import ConfigError
from polyshelf.rules.registry import rule_class

SHIPPED_MARKETS = Path(__file__).resolve().parent / "markets"
# The pack a bare language code, or an unknown region of that language, uses.
LANGUAGE_DEFAULTS = {"de": "de-DE", "fr": "fr-FR", "en": "en-US"}
_NON_METRIC_TERRITORIES = frozenset({"US", "LR", "MM"})
_KEYS = frozenset(
    {"locale", "name", "metric", "currency", "size_system", "formality", "rules", "max_lengths"}
)
_SIZE_SYSTEMS = frozenset({"EU", "UK", "US"})
_FORMALITIES = frozenset({"formal", "informal"})


@dataclass(frozen=True)
class MarketPack:
    locale: str
    name: str
    metric: bool = True
    currency: str | None = None
    size_system: str | None = None
    formality: str | None = None
    rules: dict[str, dict] = field(default_factory=dict, hash=False)
    max_lengths: dict[str, int] = field(default_factory=dict, hash=False)
    # The files this pack was built from, shipped first; empty for the neutral default.
    sources: tuple[str, ...] = ()

    def enabled_rule_ids(self) -> list[str]:
        """Rules listed in the pack and not disabled, plus default rules not disabled."""
        from polyshelf.rules.registry import all_rules

        enabled = []
        for cls in all_rules():
            params = self.rules.get(cls.id)
            if params is None:
                if cls.default_enabled:
                    enabled.append(cls.id)
            elif params.get("enabled", True):
                enabled.append(cls.id)
        return enabled

    def rule_params(self, rule_id: str) -> dict:
        return dict(self.rules.get(rule_id, {}))

    def max_length(self, column: str) -> int | None:
        """The smallest limit among the column patterns (case-insensitive) that match."""
        limits = [
            limit
            for pattern, limit in self.max_lengths.items()
            if fnmatchcase(column.casefold(), pattern.casefold())
        ]
        return min(limits) if limits else None


def normalize_locale(locale: str) -> str:
    """``de_de`` → ``de-DE``, ``zh-hant-tw`` → ``zh-Hant-TW``."""
    parts = [part for part in locale.strip().replace("_", "-").split("-") if part]
    if not parts or not all(part.isalnum() for part in parts):
        raise ConfigError(f"not a locale code: {locale!r}")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper())
    return "-".join(out)


def load_market(locale: str, project_dir: Path | None = None) -> MarketPack:
    code = normalize_locale(locale)
    language = code.split("-")[0]
    if "-" not in code and language in LANGUAGE_DEFAULTS:
        code = LANGUAGE_DEFAULTS[language]
    shipped = SHIPPED_MARKETS / f"{code}.json"
    data: dict
    sources: list[str] = []
    if shipped.is_file():
        data = _read_pack(shipped)
        sources.append(str(shipped))
    else:
        data = _borrowed_pack(code, sources)
    data["locale"] = code
    if project_dir is not None:
        override = Path(project_dir) / "markets" / f"{code}.json"
        if override.is_file():
            data = _merge(data, _read_pack(override))
            data["locale"] = code
            sources.append(str(override))
    return MarketPack(
        locale=code,
        name=str(data.get("name", code)),
        metric=bool(data.get("metric", True)),
        currency=data.get("currency"),
        size_system=data.get("size_system"),
        formality=data.get("formality"),
        rules={rule_id: dict(params) for rule_id, params in data.get("rules", {}).items()},
        max_lengths=dict(data.get("max_lengths", {})),
        sources=tuple(sources),
    )


def _borrowed_pack(code: str, sources: list[str]) -> dict:
    language, _, territory = code.partition("-")
    territory = territory.rsplit("-", 1)[-1] if territory else ""
    base = SHIPPED_MARKETS / f"{LANGUAGE_DEFAULTS.get(language, '')}.json"
    if language in LANGUAGE_DEFAULTS and base.is_file():
        data = _read_pack(base)
        sources.append(str(base))
        data["name"] = f"{code} (rules of {base.stem})"
        data["size_system"] = None
    else:
        data = {"name": f"{code} (neutral)", "rules": {}, "max_lengths": {}}
    if territory.isalpha() and len(territory) == 2:
        currencies = get_territory_currencies(territory)
        data["currency"] = currencies[0] if currencies else None
        data["metric"] = territory not in _NON_METRIC_TERRITORIES
    else:
        data["currency"] = None
        data["metric"] = True
    return data


def _merge(base: dict, override: Mapping) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if key == "rules":
            rules = {rule_id: dict(params) for rule_id, params in base.get("rules", {}).items()}
            for rule_id, params in value.items():
                rules[rule_id] = {**rules.get(rule_id, {}), **params}
            merged["rules"] = rules
        elif key == "max_lengths":
            merged["max_lengths"] = {**base.get("max_lengths", {}), **value}
        else:
            merged[key] = value
    return merged


def _read_pack(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read market pack {path.name}: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"market pack {path.name}: bad JSON at line {exc.lineno}: {exc.msg}"
        ) from exc
    try:
        _validate(data)
    except (ValueError, ConfigError) as exc:
        raise ConfigError(f"market pack {path.name}: {exc}") from exc
    return data


def _validate(data: object) -> None:
    if not isinstance(data, dict):
        raise ValueError("the file must hold one JSON object")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise ValueError(
            f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(_KEYS))})"
        )
    for key in ("locale", "name", "currency"):
        if key in data and data[key] is not None and not isinstance(data[key], str):
            raise ValueError(f"'{key}' must be a string")
    if "metric" in data and not isinstance(data["metric"], bool):
        raise ValueError("'metric' must be true or false")
    _check_choice(data, "size_system", _SIZE_SYSTEMS)
    _check_choice(data, "formality", _FORMALITIES)
    rules = data.get("rules", {})
    if not isinstance(rules, dict):
        raise ValueError("'rules' must map rule ids to parameter objects")
    for rule_id, params in rules.items():
        if not isinstance(params, dict):
            raise ValueError(f"rule {rule_id!r}: parameters must be an object")
        cls = rule_class(rule_id)
        try:
            cls.validate_params(params)
        except ValueError as exc:
            raise ValueError(f"rule {rule_id!r}: {exc}") from exc
    lengths = data.get("max_lengths", {})
    if not isinstance(lengths, dict):
        raise ValueError("'max_lengths' must map column patterns to numbers")
    for pattern, limit in lengths.items():
        if isinstance(limit, bool) or not isinstance(limit, int) or limit <= 0:
            raise ValueError(f"max_lengths[{pattern!r}] must be a positive whole number")


def _check_choice(data: dict, key: str, allowed: frozenset[str]) -> None:
    if key in data and data[key] is not None and data[key] not in allowed:
        raise ValueError(f"'{key}' must be one of {', '.join(sorted(allowed))} or null")
