"""Market rules: per-market packs of registered checks with safe fixes.

``load_market`` reads a market pack, ``apply_rules`` runs its rules over one target text.
"""

from __future__ import annotations

from polyshelf.rules.apply import apply_rules
from polyshelf.rules.base import Rule, RuleContext, RuleResult
from polyshelf.rules.market import MarketPack, load_market
from polyshelf.rules.registry import all_rules, register_rule, rule_class

__all__ = [
    "MarketPack",
    "Rule",
    "RuleContext",
    "RuleResult",
    "all_rules",
    "apply_rules",
    "load_market",
    "register_rule",
    "rule_class",
]
