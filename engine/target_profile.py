"""Everything a job knows about one target locale: its market pack, terms and number formats.

The profile extends segmentation (glossary terms and measurements become protected spans),
renders those spans for the locale after MT, and runs the market's rules and the glossary check
on every finished cell. The same profile serves the CLI and the desktop app.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from polyshelf.issues import Issue
from polyshelf.localefmt.options import LocaleOptions
from polyshelf.localefmt.rates import RatesTable
from polyshelf.localefmt.render import render_locale_span, render_number
from polyshelf.localefmt.spans import find_locale_spans
from polyshelf.rules.apply import apply_rules
from polyshelf.rules.base import RuleContext
from polyshelf.rules.market import MarketPack, load_market
from polyshelf.segment.placeholders import SpanFinder
from polyshelf.terms.attributes import ATTRIBUTE_SPAN_KIND, AttributeDictionaries
from polyshelf.terms.check import check_terms
from polyshelf.terms.glossary import Glossary, TermView

_LOCALE_KINDS = frozenset({"measure", "price", "percent", "date", "metric"})


@dataclass(frozen=True)
class TargetProfile:
    source_lang: str
    locale: str
    market: MarketPack
    terms: TermView
    options: LocaleOptions
    attributes: AttributeDictionaries | None = None

    @classmethod
    def build(
        cls,
        source_lang: str,
        locale: str,
        glossary: Glossary,
        project_dir: Path | None,
        rates: RatesTable | None = None,
        currency: str | None = None,
        attributes: AttributeDictionaries | None = None,
    ) -> TargetProfile:
        market = load_market(locale, project_dir)
        options = LocaleOptions(
            locale=_babel_locale(locale, market),
            metric=market.metric,
            rates=rates,
            currency=(currency or market.currency) if rates is not None else None,
            size_system=market.size_system,
        )
        terms = glossary.view(source_lang, locale)
        return cls(source_lang, locale, market, terms, options, attributes)

    @property
    def finders(self) -> tuple[SpanFinder, ...]:
        if self.attributes is None:
            return (self.terms.find_terms, find_locale_spans)
        variants = partial(self.attributes.find_variants, locale=self.locale)
        return (self.terms.find_terms, find_locale_spans, variants)

    def keep_capitals(self, word: str) -> bool:
        return self.terms.keeps_capitals(word)

    def render(self, kind: str, original: str) -> str:
        """The text for a protected span in this locale (see Segment.restore)."""
        if kind in ("term", "dnt"):
            return self.terms.render(original, kind)
        if kind in _LOCALE_KINDS:
            return render_locale_span(original, kind, self.options)
        if kind == ATTRIBUTE_SPAN_KIND and self.attributes is not None:
            return self.attributes.translate_variant(original, self.locale) or original
        if kind == "number":
            return render_number(original, self.options.locale)
        return original

    def finish_cell(
        self,
        source: str,
        target: str,
        column: str,
        is_html: bool,
        suppressed: dict[str, str] | None = None,
    ) -> tuple[str, list[Issue]]:
        """Market rules (with their safe fixes) and the glossary check on a translated cell."""
        context = RuleContext(
            source=source, locale=self.locale, column=column, market=self.market, is_html=is_html
        )
        result = apply_rules(target, context, suppressed=suppressed)
        issues = list(result.issues)
        issues += [
            issue
            for issue in check_terms(source, result.text, self.terms)
            if not suppressed or issue.rule_id not in suppressed
        ]
        return result.text, issues


def _babel_locale(locale: str, market: MarketPack) -> str:
    """A full locale for Babel: `de` alone formats as the market pack's locale (de-DE)."""
    return market.locale if "-" not in locale and "_" not in locale else locale
