"""Run a market's rules over one target text: apply the safe fixes, report what is left.

Fixes run first, rule by rule in fix order; an issue a fix removed is reported with
``fixed=True``, ``span=None`` (later fixes may move text) and the text it covered before the fix
in ``params["before"]``. A pack entry ``"fix": false`` keeps a rule to checking. Then
every rule checks the final text, so the remaining issues' spans are relative to the returned
text. A suppressed rule is not run; it is reported as one info Issue with
``params={"suppressed": reason}`` so reviewers see that a check was switched off and why.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace

from polyshelf.errors import ConfigError
from polyshelf.issues import Issue, Severity
from polyshelf.rules.base import Rule, RuleContext, RuleResult
from polyshelf.rules.registry import all_rules, rule_class


def apply_rules(
    target: str,
    ctx_base: RuleContext,
    enabled: Iterable[str] | None = None,
    suppressed: Mapping[str, str] | None = None,
) -> RuleResult:
    """Check ``target`` with the pack's enabled rules (or exactly the ``enabled`` ids)."""
    suppressed = dict(suppressed or {})
    for rule_id in suppressed:
        rule_class(rule_id)
    rules = _selected_rules(ctx_base, enabled)
    issues: list[Issue] = []
    active: list[tuple[Rule, RuleContext]] = []
    for cls in rules:
        if cls.id in suppressed:
            reason = suppressed[cls.id]
            issues.append(
                Issue(
                    cls.id,
                    Severity.INFO,
                    f"{cls.id} suppressed: {reason}",
                    params={"suppressed": reason},
                )
            )
            continue
        params = ctx_base.market.rule_params(cls.id)
        active.append((cls(), replace(ctx_base, params=params)))

    text = target
    for rule, ctx in active:
        if not type(rule).has_fix() or ctx.params.get("fix", True) is False:
            continue
        before = rule.check(text, ctx)
        if not before:
            continue
        fixed_text = rule.fix(text, ctx)
        if fixed_text is None or fixed_text == text:
            continue
        after = Counter(issue.message for issue in rule.check(fixed_text, ctx))
        for issue in before:
            if after[issue.message]:
                after[issue.message] -= 1
                continue
            issues.append(_as_fixed(issue, text, ctx))
        text = fixed_text

    for rule, ctx in active:
        issues.extend(_with_severity(issue, ctx) for issue in rule.check(text, ctx))
    return RuleResult(text, issues)


def _selected_rules(ctx: RuleContext, enabled: Iterable[str] | None) -> list[type[Rule]]:
    if enabled is None:
        ids = set(ctx.market.enabled_rule_ids())
    else:
        ids = set(enabled)
        for rule_id in ids:
            rule_class(rule_id)
    return [cls for cls in all_rules() if cls.id in ids]


def _as_fixed(issue: Issue, text: str, ctx: RuleContext) -> Issue:
    params = dict(issue.params)
    if issue.span is not None:
        params["before"] = text[issue.span[0] : issue.span[1]]
    return replace(_with_severity(issue, ctx), span=None, params=params, fixed=True)


def _with_severity(issue: Issue, ctx: RuleContext) -> Issue:
    severity = ctx.params.get("severity")
    if severity is None:
        return issue
    try:
        return replace(issue, severity=Severity(str(severity)))
    except ValueError:
        raise ConfigError(f"rule {issue.rule_id!r}: bad severity {severity!r}") from None
