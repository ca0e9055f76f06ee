"""apply_rules: fix order, fixed and remaining issues, suppression, pack switches; registry."""

from __future__ import annotations

from dataclasses import replace

import pytest

from polyshelf.errors import ConfigError
from polyshelf.issues import Severity
from polyshelf.rules import (
    RuleContext,
    all_rules,
    apply_rules,
    load_market,
    register_rule,
    rule_class,
)
from polyshelf.rules.base import Rule

NB = "\u00a0"
NN = "\u202f"


def ctx_for(
    locale: str, source: str = "", column: str = "Description", **rules: dict
) -> RuleContext:
    market = load_market(locale)
    if rules:
        market = replace(
            market, rules={**market.rules, **{k.replace("_", "-"): v for k, v in rules.items()}}
        )
    return RuleContext(source, market.locale, column, market)


def test_french_description_fixed_end_to_end() -> None:
    ctx = ctx_for("fr-FR", source='Material: organic cotton. "Oslo" range!')
    result = apply_rules('matière:  coton bio. Gamme "Oslo" !', ctx)
    assert result.text == f"Matière{NB}: coton bio. Gamme «{NB}Oslo{NB}»{NN}!"
    fixed_ids = {issue.rule_id for issue in result.fixed}
    assert fixed_ids == {
        "capitalisation",
        "whitespace",
        "typography-quotes",
        "typography-fr-spacing",
    }
    assert result.remaining == []
    assert all(issue.span is None and "before" in issue.params for issue in result.fixed)


def test_remaining_spans_point_into_the_final_text() -> None:
    ctx = ctx_for("de-DE", source="Start your day relaxed.")
    result = apply_rules("  mit dieser Tasse startest du entspannt.", ctx)
    assert result.text == "Mit dieser Tasse startest du entspannt."
    [formality] = [issue for issue in result.remaining if issue.rule_id == "formality"]
    start, end = formality.span
    assert result.text[start:end] == "du"


def test_unfixable_problems_remain_and_text_is_kept() -> None:
    ctx = ctx_for("de-DE", source="Climate-neutral production.")
    result = apply_rules("Klimaneutral hergestellt.", ctx)
    assert result.text == "Klimaneutral hergestellt."
    [issue] = result.remaining
    assert (issue.rule_id, issue.severity, issue.fixed) == ("forbidden-term", Severity.ERROR, False)
    assert result.fixed == []


def test_pack_can_turn_a_fix_off_and_change_severity() -> None:
    ctx = ctx_for("de-DE", source="Blue mug", capitalisation={"fix": False, "severity": "error"})
    result = apply_rules("blaue Tasse", ctx)
    assert result.text == "blaue Tasse"
    [issue] = result.remaining
    assert (issue.rule_id, issue.severity) == ("capitalisation", Severity.ERROR)


def test_pack_can_disable_a_default_rule() -> None:
    ctx = ctx_for("de-DE", source="Blue mug", whitespace={"enabled": False})
    assert apply_rules("Blaue  Tasse", ctx).text == "Blaue  Tasse"


def test_explicit_rule_ids_run_only_those() -> None:
    ctx = ctx_for("de-CH", source="Size")
    result = apply_rules("größe", ctx, enabled=["swiss-ss"])
    assert result.text == "grösse"
    assert {issue.rule_id for issue in result.issues} == {"swiss-ss"}
    with pytest.raises(ConfigError, match="unknown rule id 'swiss'"):
        apply_rules("größe", ctx, enabled=["swiss"])


def test_suppressed_rule_is_skipped_and_reported_as_info() -> None:
    ctx = ctx_for("de-DE", source="Organic, eco-friendly dye.")
    reason = "claim certified (GOTS, cert. no. 12345)"
    result = apply_rules("Umweltfreundliche Farbe.", ctx, suppressed={"sensitive-term": reason})
    [issue] = result.issues
    assert (issue.rule_id, issue.severity, issue.fixed) == ("sensitive-term", Severity.INFO, False)
    assert issue.params == {"suppressed": reason}
    unsuppressed = apply_rules("Umweltfreundliche Farbe.", ctx)
    assert [i.rule_id for i in unsuppressed.issues] == ["sensitive-term"]


def test_suppressing_an_unknown_rule_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown rule id 'sensitive'"):
        apply_rules("Text", ctx_for("de-DE"), suppressed={"sensitive": "x"})


def test_html_description_keeps_tags_and_attributes() -> None:
    html = '<p><a href="https://x.fr/?q=a:b" title="Voir: "Oslo"">lien</a>: prix !</p>'
    ctx = replace(ctx_for("fr-FR", source="<p><a>Link</a>: price!</p>"), is_html=True)
    result = apply_rules(html, ctx)
    assert (
        result.text
        == f'<p><a href="https://x.fr/?q=a:b" title="Voir: "Oslo"">Lien</a>{NB}: prix{NN}!</p>'
    )


def test_registry_lists_every_rule_once_in_fix_order() -> None:
    rules = all_rules()
    ids = [cls.id for cls in rules]
    assert len(ids) == len(set(ids))
    assert {
        "typography-fr-spacing",
        "typography-quotes",
        "forbidden-term",
        "sensitive-term",
        "required-phrase",
        "formality",
        "max-length",
        "capitalisation",
        "whitespace",
        "punctuation-end",
        "swiss-ss",
    } <= set(ids)
    assert [cls.order for cls in rules] == sorted(cls.order for cls in rules)
    assert ids.index("whitespace") < ids.index("typography-fr-spacing")


def test_register_rule_refuses_a_taken_id_and_a_bad_id() -> None:
    with pytest.raises(ValueError, match="already used"):

        @register_rule
        class OtherWhitespace(Rule):
            id = "whitespace"
            severity = Severity.INFO

    with pytest.raises(ValueError, match="needs an id"):

        @register_rule
        class BadId(Rule):
            id = "Bad Id"
            severity = Severity.INFO

    assert rule_class("whitespace").__name__ == "WhitespaceRule"


SAMPLES = (
    'matière:  coton bio. Gamme "Oslo" !',
    '<p>Monitor 27" mit "Smart Hub": 10:30 Uhr?</p>',
    "  größe: 42 ; Farbe «grau»  ",
    'Voir https://x.fr/a?b=1 ; "Offre" ⟦0⟧ !',
    "our favorite gray color, eco-friendly!!",
    '<a href="https://x.de/?q=a:b" title="Hinweis: "neu"">neu</a>: jetzt',
)


@pytest.mark.parametrize("locale", ["de-DE", "de-CH", "fr-FR", "fr-CA", "en-GB", "xx-YY"])
@pytest.mark.parametrize("target", SAMPLES)
def test_whole_pack_fixes_are_idempotent(locale: str, target: str) -> None:
    ctx = replace(ctx_for(locale, source="Material: organic cotton."), is_html=True)
    once = apply_rules(target, ctx)
    again = apply_rules(once.text, ctx)
    assert again.text == once.text
    assert again.fixed == []
    assert sorted(map(str, again.remaining)) == sorted(map(str, once.remaining))
