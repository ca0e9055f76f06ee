"""The market rules by id: each rule class registers itself with ``@register_rule``.

The check modules (CHECK_MODULES) are imported the first time a lookup needs them; a new rule
in one of them needs no other change.
"""

from __future__ import annotations

import importlib
import re
from typing import TypeVar

from polyshelf.errors import ConfigError
from polyshelf.rules.base import Rule

CHECK_MODULES = (
    "polyshelf.rules.checks.layout",
    "polyshelf.rules.checks.typography",
    "polyshelf.rules.checks.terms",
    "polyshelf.rules.checks.style",
)

RuleClass = TypeVar("RuleClass", bound=type[Rule])

_RULE_ID_RE = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
_rules: dict[str, type[Rule]] = {}
_modules_loaded = False


def register_rule(cls: RuleClass) -> RuleClass:
    """Class decorator: make the rule known by its ``id``."""
    rule_id = getattr(cls, "id", None)
    if not isinstance(rule_id, str) or not _RULE_ID_RE.fullmatch(rule_id):
        raise ValueError(f"{cls.__name__} needs an id like 'typography-quotes'")
    if not hasattr(cls, "severity"):
        raise ValueError(f"{cls.__name__} needs a severity")
    registered = _rules.get(rule_id)
    if registered is not None and registered.__qualname__ != cls.__qualname__:
        raise ValueError(f"rule id {rule_id!r} is already used by {registered.__name__}")
    _rules[rule_id] = cls
    return cls


def rule_class(rule_id: str) -> type[Rule]:
    _load_check_modules()
    try:
        return _rules[rule_id]
    except KeyError:
        raise ConfigError(
            f"unknown rule id {rule_id!r} (known: {', '.join(sorted(_rules))})"
        ) from None


def all_rules() -> list[type[Rule]]:
    """Every registered rule class, in fix order."""
    _load_check_modules()
    return sorted(_rules.values(), key=lambda cls: (cls.order, cls.id))


def _load_check_modules() -> None:
    global _modules_loaded
    if not _modules_loaded:
        for name in CHECK_MODULES:
            importlib.import_module(name)
        _modules_loaded = True
