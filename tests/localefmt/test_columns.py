from __future__ import annotations

from decimal import Decimal

from polyshelf.localefmt import (
    ColumnTransform,
    LocaleOptions,
    RatesTable,
    plan_column_transforms,
)

NBSP = "\u00a0"
HEADER = [
    "SKU", "Title", "Price (USD)", "Sale price", "Currency", "Width (in)", "Weight (lb)",
    "Volume (fl oz)", "Temp (°F)", "Dimensions", "Shoe size (US)", "Dress size (UK)", "Size",
    "Cost center",
]  # fmt: skip
ROWS: list[list[object]] = [
    ["KX-200", "Cast iron skillet", "19.99", "$15.00", "USD", "23 1/2", 5, "16", "-4",
     "12 x 18 in", "10", "12", "M", "Marketing"],
    ["A4-PAD", "Yoga mat", 1299, "€5", "EUR", 10.5, "0.5", 8, 350, "6'2\"", "10.5", "13", "L",
     "Sales"],
]  # fmt: skip
RATES = RatesTable.from_mapping("USD", {"EUR": Decimal("0.92")})
DE = LocaleOptions("de-DE", rates=RATES, currency="EUR", size_system="EU")


def by_column(transforms: list[ColumnTransform]) -> dict[str, ColumnTransform]:
    return {t.column: t for t in transforms}


def values(transform: ColumnTransform, options: LocaleOptions) -> list[object]:
    return [transform.convert(row, HEADER, options)[0] for row in ROWS]


def test_plan_picks_price_unit_and_size_columns() -> None:
    plan = plan_column_transforms(HEADER, ROWS)
    assert [(t.column, t.kind) for t in plan] == [
        ("Price (USD)", "price"),
        ("Sale price", "price"),
        ("Width (in)", "unit"),
        ("Weight (lb)", "unit"),
        ("Volume (fl oz)", "unit"),
        ("Temp (°F)", "unit"),
        ("Dimensions", "unit"),
        ("Shoe size (US)", "size"),
        ("Dress size (UK)", "size"),
    ]
    assert by_column(plan)["Price (USD)"].currency == "USD"
    assert by_column(plan)["Price (USD)"].currency_column == "Currency"


def test_output_headers() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    assert plan["Price (USD)"].output_header("de-DE", DE) == "Price [de-DE]"
    assert plan["Width (in)"].output_header("de-DE", DE) == "Width (cm) [de-DE]"
    assert plan["Temp (°F)"].output_header("de-DE", DE) == "Temp (°C) [de-DE]"
    assert plan["Dimensions"].output_header("de-DE", DE) == "Dimensions [de-DE]"
    assert plan["Shoe size (US)"].output_header("de-DE", DE) == "Shoe size (EU) [de-DE]"
    us = LocaleOptions("en-US", metric=False)
    assert plan["Width (in)"].output_header("en-US", us) == "Width (in) [en-US]"
    assert plan["Shoe size (US)"].output_header("en-US", us) == "Shoe size (US) [en-US]"


def test_unit_columns_converted_and_formatted() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    assert values(plan["Width (in)"], DE) == ["59,7", "26,7"]
    assert values(plan["Weight (lb)"], DE) == ["2,27", "0,23"]
    assert values(plan["Volume (fl oz)"], DE) == ["473", "237"]
    assert values(plan["Temp (°F)"], DE) == ["-20", "177"]
    assert values(plan["Dimensions"], DE) == ["30,5 x 45,7 cm", "188 cm"]


def test_unit_columns_not_metric_only_reformat() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    fr_imperial = LocaleOptions("fr-FR", metric=False)
    assert values(plan["Width (in)"], fr_imperial) == ["23 1/2", "10,5"]


def test_prices_use_row_currency_and_rates() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    assert values(plan["Price (USD)"], DE) == [f"18,39{NBSP}€", f"1.299,00{NBSP}€"]
    assert values(plan["Sale price"], DE) == [f"13,80{NBSP}€", f"5,00{NBSP}€"]


def test_price_without_rate_reports_issue() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    to_gbp = LocaleOptions("en-GB", rates=RATES, currency="GBP")
    value, issues = plan["Price (USD)"].convert(ROWS[0], HEADER, to_gbp)
    assert value == "US$19.99"
    assert [i.rule_id for i in issues] == ["price-no-rate"]
    assert issues[0].params["column"] == "Price (USD)"


def test_price_problems_become_issues() -> None:
    header = ["Price"]
    plan = plan_column_transforms(header, [["19.99"], ["call us"]])
    assert [t.kind for t in plan] == ["price"]
    value, issues = plan[0].convert(["call us"], header, DE)
    assert value == "call us" and [i.rule_id for i in issues] == ["price-unparsed"]
    value, issues = plan[0].convert(["19.99"], header, DE)
    assert value == "19,99" and [i.rule_id for i in issues] == ["price-no-currency"]


def test_sizes_converted_or_reported() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    assert values(plan["Shoe size (US)"], DE) == ["44", "44,5"]
    value, issues = plan["Dress size (UK)"].convert(ROWS[1], HEADER, DE)
    assert value == "13" and [i.rule_id for i in issues] == ["size-unknown"]
    same_system = LocaleOptions("en-US", metric=False)
    assert values(plan["Shoe size (US)"], same_system) == ["10", "10.5"]


def test_unparsed_unit_value_reports_issue() -> None:
    header = ["Width (in)"]
    plan = plan_column_transforms(header, [["24"], ["varies"]])
    value, issues = plan[0].convert(["varies"], header, DE)
    assert value == "varies" and [i.rule_id for i in issues] == ["unit-unparsed"]


def test_empty_cells_and_short_rows() -> None:
    plan = by_column(plan_column_transforms(HEADER, ROWS))
    assert plan["Width (in)"].convert([], HEADER, DE) == ("", [])
    assert plan["Width (in)"].convert([None] * len(HEADER), HEADER, DE) == ("", [])


def test_text_and_localized_columns_skipped() -> None:
    header = ["Title", "Width (in)", "Width (cm) [de-DE]", "Notes"]
    rows: list[list[object]] = [["Rug", "24", "61", "Made in 2 sizes"]]
    assert [t.column for t in plan_column_transforms(header, rows)] == ["Width (in)"]
    assert plan_column_transforms(["Width (in)"], [["n/a"]]) == []
