"""Behaviour every market rule must have; each rule's test class names its id and its cases.

A case is one catalog text: the issues the rule's check finds in it, and the text after
``apply_rules`` with only that rule (``fixed`` None: the text stays as it is).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar

from polyshelf.rules import RuleContext, apply_rules, load_market, rule_class


@dataclass(frozen=True)
class Case:
    target: str
    issues: int
    fixed: str | None = None
    source: str = ""
    locale: str = "de-DE"
    params: dict | None = None  # None: the pack's parameters for the rule
    column: str = "Description"
    is_html: bool = False


def context(rule_id: str, case: Case) -> RuleContext:
    market = load_market(case.locale)
    if case.params is not None:
        market = replace(market, rules={**market.rules, rule_id: case.params})
    return RuleContext(
        case.source,
        market.locale,
        case.column,
        market,
        is_html=case.is_html,
        params=market.rule_params(rule_id),
    )


class RuleContract:
    rule_id: ClassVar[str]
    cases: ClassVar[tuple[Case, ...]]

    def test_registered(self) -> None:
        cls = rule_class(self.rule_id)
        assert cls.id == self.rule_id
        assert cls.severity.value in {"info", "warning", "error"}

    def test_check_finds_expected_issues(self, case: Case) -> None:
        rule = rule_class(self.rule_id)()
        issues = rule.check(case.target, context(self.rule_id, case))
        assert len(issues) == case.issues, [issue.message for issue in issues]
        for issue in issues:
            assert issue.rule_id == self.rule_id
            assert not issue.fixed
            if issue.span is not None:
                assert 0 <= issue.span[0] <= issue.span[1] <= len(case.target)

    def test_apply_fixes_what_it_safely_can(self, case: Case) -> None:
        ctx = context(self.rule_id, case)
        result = apply_rules(case.target, ctx, enabled=[self.rule_id])
        expected = case.target if case.fixed is None else case.fixed
        assert result.text == expected
        assert len(result.fixed) + len(result.remaining) >= case.issues
        if result.text != case.target:
            assert result.fixed, "a changed text must report what was fixed"
        for issue in result.remaining:
            if issue.span is not None:
                assert 0 <= issue.span[0] <= issue.span[1] <= len(result.text)

    def test_fix_is_idempotent(self, case: Case) -> None:
        ctx = context(self.rule_id, case)
        once = apply_rules(case.target, ctx, enabled=[self.rule_id]).text
        again = apply_rules(once, ctx, enabled=[self.rule_id])
        assert again.text == once
        assert again.fixed == []

    def test_clean_text_reports_nothing(self, case: Case) -> None:
        if case.issues:
            return
        result = apply_rules(case.target, context(self.rule_id, case), enabled=[self.rule_id])
        assert result.text == case.target
        assert result.issues == []
