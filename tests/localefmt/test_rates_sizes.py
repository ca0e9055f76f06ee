from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from polyshelf.errors import InputError
from polyshelf.localefmt import RatesTable, convert_size, size_column_kind


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_base_comment(tmp_path: Path) -> None:
    rates = RatesTable.load(write(tmp_path, "r.csv", "# base: USD\ncurrency,rate\nEUR,0.92\n"))
    assert rates.convert(Decimal("100"), "USD", "EUR") == Decimal("92.00")
    assert rates.convert(Decimal("92"), "EUR", "USD") == Decimal("100")


def test_csv_with_base_column(tmp_path: Path) -> None:
    text = "base,currency,rate\nUSD,EUR,0.92\nUSD,GBP,0.80\n"
    rates = RatesTable.load(write(tmp_path, "r.csv", text))
    assert rates.convert(Decimal("92"), "EUR", "GBP") == Decimal("80")


def test_json_rates(tmp_path: Path) -> None:
    path = write(tmp_path, "r.json", '{"base": "EUR", "rates": {"USD": 1.08, "GBP": "0.85"}}')
    rates = RatesTable.load(path)
    assert rates.convert(Decimal("10"), "EUR", "USD") == Decimal("10.80")


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("r.csv", "currency,rate\nEUR,0.92\n", "no base currency"),
        ("r.csv", "# base: USD\ncode,value\nEUR,0.92\n", "'currency' and 'rate'"),
        ("r.csv", "# base: USD\ncurrency,rate\nEUR,abc\n", "not a number"),
        ("r.csv", "# base: USD\ncurrency,rate\nEUR,-1\n", "positive"),
        ("r.csv", "# base: USD\ncurrency,rate\neuro,0.9\n", "currency code"),
        ("r.csv", "# base: USD\ncurrency,rate\nEUR,0.9,extra\n", "expected 2 fields"),
        ("r.csv", "# base: USD\ncurrency,rate\nEUR,0.9\nEUR,0.8\n", "conflicting"),
        ("r.csv", "# base: USD\ncurrency,rate\n", "no rates"),
        ("r.json", "{not json", "not valid JSON"),
        ("r.json", '{"rates": {"EUR": 0.9}}', "base"),
        ("r.json", '{"base": "USD", "rates": {"EUR": true}}', "not a number"),
    ],
)
def test_bad_rates_file(tmp_path: Path, name: str, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        RatesTable.load(write(tmp_path, name, text))


def test_missing_rates_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        RatesTable.load(tmp_path / "nope.csv")


@pytest.mark.parametrize(
    ("value", "kind", "source", "target", "expected"),
    [
        ("8", "shoe-women", "US", "EU", "39"),
        ("8.5", "shoe-women", "US", "UK", "6.5"),
        ("8 1/2", "shoe-women", "US", "EU", "40"),
        ("US 10", "shoe-men", "US", "EU", "44"),
        ("44", "shoe-men", "EU", "US", "10"),
        ("42,5", "shoe-men", "EU", "UK", "8"),
        ("12", "clothing-women", "US", "UK", "16"),
        ("12", "clothing-women", "UK", "EU", "40"),
        ("40", "clothing-men", "US", "EU", "50"),
        ("M", "shoe-men", "US", "EU", "M"),
        ("XL", "clothing-women", "US", "EU", "XL"),
        ("2XL", "clothing-men", "US", "EU", "2XL"),
        ("One Size", "clothing-women", "US", "EU", "One Size"),
        ("27", "shoe-women", "US", "EU", None),
        ("wide", "shoe-women", "US", "EU", None),
        ("8", "hats", "US", "EU", None),
        ("8", "shoe-men", "US", "JP", None),
    ],
)
def test_convert_size(
    value: str, kind: str, source: str, target: str, expected: str | None
) -> None:
    assert convert_size(value, kind, source, target) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Shoe size (US)", ("shoe-men", "US")),
        ("Shoe size", ("shoe-men", "US")),
        ("Women's shoe size (US)", ("shoe-women", "US")),
        ("Men's Shoe Size (UK)", ("shoe-men", "UK")),
        ("Boot size EU", ("shoe-men", "EU")),
        ("Dress size (US)", ("clothing-women", "US")),
        ("Women's size (UK)", ("clothing-women", "UK")),
        ("Suit size (EU)", ("clothing-men", "EU")),
        ("Size", None),
        ("Size (US)", None),
        ("Title", None),
        ("Dress length", None),
    ],
)
def test_size_column_kind(header: str, expected: tuple[str, str] | None) -> None:
    assert size_column_kind(header) == expected
