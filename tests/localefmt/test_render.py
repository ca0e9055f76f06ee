from __future__ import annotations

from decimal import Decimal

import pytest

from polyshelf.errors import ConfigError
from polyshelf.localefmt import LocaleOptions, RatesTable, render_locale_span, render_number

NBSP = "\u00a0"
NNBSP = "\u202f"  # CLDR's narrow no-break space: French digit grouping
DE = LocaleOptions("de-DE")
FR = LocaleOptions("fr-FR")
GB = LocaleOptions("en-GB")
US = LocaleOptions("en-US", metric=False)


@pytest.mark.parametrize(
    ("span", "de", "fr", "gb"),
    [
        ("23 1/2 in", "59,7 cm", "59,7 cm", "59.7 cm"),
        ('23½"', "59,7 cm", "59,7 cm", "59.7 cm"),
        ("12 in", "30,5 cm", "30,5 cm", "30.5 cm"),
        ("72 in", "183 cm", "183 cm", "183 cm"),
        ('1/4"', "6,4 mm", "6,4 mm", "6.4 mm"),
        ("10-12 in", "25,4–30,5 cm", "25,4–30,5 cm", "25.4–30.5 cm"),
        ("10 to 12 inches", "25,4–30,5 cm", "25,4–30,5 cm", "25.4–30.5 cm"),
        ("12 x 18 in", "30,5 x 45,7 cm", "30,5 x 45,7 cm", "30.5 x 45.7 cm"),
        ("6'2\"", "188 cm", "188 cm", "188 cm"),
        ("6 ft 2 in", "188 cm", "188 cm", "188 cm"),
        ("3 feet", "91,4 cm", "91,4 cm", "91.4 cm"),
        ("25 ft", "7,62 m", "7,62 m", "7.62 m"),
        ("5-lb", "2,27 kg", "2,27 kg", "2.27 kg"),
        ("2 lbs", "907 g", "907 g", "907 g"),
        ("8 oz", "227 g", "227 g", "227 g"),
        ("16 fl oz", "473 ml", "473 ml", "473 ml"),
        ("1 gal", "3,79 l", "3,79 l", "3.79 l"),
        ("350°F", "177 °C", "177 °C", "177 °C"),
        ("-4 °F", "-20 °C", "-20 °C", "-20 °C"),
        ("32 °F", "0 °C", "0 °C", "0 °C"),
        ("350-400°F", "177–204 °C", "177–204 °C", "177–204 °C"),
        ("-20 to -4 °F", "-29 – -20 °C", "-29 – -20 °C", "-29 – -20 °C"),
        ("1,250.5 lb", "567 kg", "567 kg", "567 kg"),
        ("2,000 ft", "610 m", "610 m", "610 m"),
    ],
)
def test_measure_to_metric(span: str, de: str, fr: str, gb: str) -> None:
    assert render_locale_span(span, "measure", DE) == de
    assert render_locale_span(span, "measure", FR) == fr
    assert render_locale_span(span, "measure", GB) == gb


@pytest.mark.parametrize(
    ("span", "locale", "expected"),
    [
        ("23 1/2 in", "en-US", "23 1/2 in"),
        ("0.5 in", "en-US", "0.5 in"),
        ("0.5 in", "de-DE", "0,5 in"),
        ("1,250.5 lb", "fr-FR", f"1{NNBSP}250,5 lb"),
        ("350°F", "de-DE", "350°F"),
    ],
)
def test_measure_not_metric_only_reformats_numbers(span: str, locale: str, expected: str) -> None:
    assert render_locale_span(span, "measure", LocaleOptions(locale, metric=False)) == expected


@pytest.mark.parametrize(
    ("span", "de", "fr", "gb", "us"),
    [
        ("$19.99", f"19,99{NBSP}$", f"19,99{NBSP}$US", "US$19.99", "$19.99"),
        (
            "USD 1,299.00",
            f"1.299,00{NBSP}$",
            f"1{NNBSP}299,00{NBSP}$US",
            "US$1,299.00",
            "$1,299.00",
        ),
        ("€5", f"5,00{NBSP}€", f"5,00{NBSP}€", "€5.00", "€5.00"),
        ("19.99 USD", f"19,99{NBSP}$", f"19,99{NBSP}$US", "US$19.99", "$19.99"),
        ("£12", f"12,00{NBSP}£", f"12,00{NBSP}£GB", "£12.00", "£12.00"),
    ],
)
def test_price_without_rates_keeps_currency(span: str, de: str, fr: str, gb: str, us: str) -> None:
    assert render_locale_span(span, "price", DE) == de
    assert render_locale_span(span, "price", FR) == fr
    assert render_locale_span(span, "price", GB) == gb
    assert render_locale_span(span, "price", US) == us


def test_price_converted_with_user_rates() -> None:
    rates = RatesTable.from_mapping("USD", {"EUR": "0.92", "GBP": "0.79"})
    to_eur = LocaleOptions("de-DE", rates=rates, currency="EUR")
    assert render_locale_span("$19.99", "price", to_eur) == f"18,39{NBSP}€"
    assert render_locale_span("€10", "price", to_eur) == f"10,00{NBSP}€"
    to_gbp = LocaleOptions("en-GB", rates=rates, currency="GBP")
    assert render_locale_span("€92", "price", to_gbp) == "£79.00"  # via USD


def test_price_without_known_rate_keeps_currency() -> None:
    rates = RatesTable.from_mapping("USD", {"EUR": "0.92"})
    options = LocaleOptions("de-DE", rates=rates, currency="EUR")
    assert render_locale_span("CA$20", "price", options) == f"20,00{NBSP}CA$"


def test_currency_without_rates_is_not_converted() -> None:
    options = LocaleOptions("de-DE", currency="EUR")
    assert render_locale_span("$10", "price", options) == f"10,00{NBSP}$"


@pytest.mark.parametrize(
    ("span", "de", "fr", "gb"),
    [
        ("20%", f"20{NBSP}%", f"20{NBSP}%", "20%"),
        ("12.5 %", f"12,5{NBSP}%", f"12,5{NBSP}%", "12.5%"),
        ("100%", f"100{NBSP}%", f"100{NBSP}%", "100%"),
    ],
)
def test_percent(span: str, de: str, fr: str, gb: str) -> None:
    assert render_locale_span(span, "percent", DE) == de
    assert render_locale_span(span, "percent", FR) == fr
    assert render_locale_span(span, "percent", GB) == gb


@pytest.mark.parametrize(
    ("span", "de", "fr", "gb", "us"),
    [
        ("2026-03-01", "01.03.2026", "1 mars 2026", "1 Mar 2026", "Mar 1, 2026"),
        ("03/01/2026", "01.03.2026", "1 mars 2026", "1 Mar 2026", "Mar 1, 2026"),
        ("March 1, 2026", "1. März 2026", "1 mars 2026", "1 March 2026", "March 1, 2026"),
        ("Dec. 24, 2026", "24.12.2026", "24 déc. 2026", "24 Dec 2026", "Dec 24, 2026"),
    ],
)
def test_dates(span: str, de: str, fr: str, gb: str, us: str) -> None:
    assert render_locale_span(span, "date", DE) == de
    assert render_locale_span(span, "date", FR) == fr
    assert render_locale_span(span, "date", GB) == gb
    assert render_locale_span(span, "date", US) == us


@pytest.mark.parametrize(
    ("span", "kind"),
    [
        ("about a foot", "measure"),
        ("2 x 8 oz", "measure"),
        ("$", "price"),
        ("13/45/2026", "date"),
        ("2026-02-30", "date"),
        ("lots %", "percent"),
        ("KX-200", "code"),
        ("", "measure"),
    ],
)
def test_unparseable_span_returned_unchanged(span: str, kind: str) -> None:
    assert render_locale_span(span, kind, DE) == span


@pytest.mark.parametrize(
    ("number", "de", "fr", "gb"),
    [
        ("1,200.50", "1.200,50", f"1{NNBSP}200,50", "1,200.50"),
        ("3.5", "3,5", "3,5", "3.5"),
        ("1,000", "1.000", f"1{NNBSP}000", "1,000"),
        ("2024", "2024", "2024", "2024"),
        ("12", "12", "12", "12"),
        ("1/2", "1/2", "1/2", "1/2"),
        ("KX-200", "KX-200", "KX-200", "KX-200"),
        ("A4", "A4", "A4", "A4"),
    ],
)
def test_render_number(number: str, de: str, fr: str, gb: str) -> None:
    assert render_number(number, "de-DE") == de
    assert render_number(number, "fr-FR") == fr
    assert render_number(number, "en-GB") == gb


def test_render_number_unknown_locale_returns_original() -> None:
    assert render_number("1,200.50", "xx-invalid") == "1,200.50"


def test_options_reject_bad_values() -> None:
    with pytest.raises(ConfigError):
        LocaleOptions("xx-nowhere")
    with pytest.raises(ConfigError):
        LocaleOptions("de-DE", size_system="JP")
    with pytest.raises(ConfigError):
        LocaleOptions("de-DE", currency="euro")


def test_rates_convert_exact_decimal() -> None:
    rates = RatesTable.from_mapping("USD", {"EUR": Decimal("0.5")})
    assert rates.convert(Decimal("10"), "EUR", "USD") == Decimal("20")
    assert rates.convert(Decimal("10"), "USD", "JPY") is None
