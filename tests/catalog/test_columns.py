from __future__ import annotations

import pytest

from polyshelf.catalog.columns import detect_text_columns, is_translated_column, select_columns
from polyshelf.catalog.model import Row
from polyshelf.errors import InputError

CATALOG_HEADER = [
    "SKU",
    "Name",
    "Description (HTML)",
    "Price",
    "Color",
    "Image URL",
    "EAN",
    "Weight (lb)",
]
CATALOG_SAMPLE = [
    Row(
        (
            "MUG-BL-350",
            "Stoneware Mug, Blue",
            "<p>Hand-glazed mug.</p><ul><li>350 ml</li></ul>",
            "$12.99",
            "Blue",
            "https://cdn.example.com/img/mug-blue.jpg",
            "4006381333931",
            "0.9 lb",
        )
    ),
    Row(
        (
            "MUG-RD-350",
            "Stoneware Mug, Red",
            "<p>Hand-glazed mug in cherry red.</p>",
            "$12.99",
            "Red",
            "https://cdn.example.com/img/mug-red.jpg",
            "4006381333948",
            "0.9 lb",
        )
    ),
    Row(("TEE-WH-M", "Organic Cotton T-Shirt", "", "19,90 €", "White", "", "", "0.4 lb")),
    Row(("TEE-BK-L", "Organic Cotton T-Shirt", None, "19,90 €", "Black", None, None, "0.45")),
]


def test_detects_name_and_description_in_a_realistic_catalog() -> None:
    assert detect_text_columns(CATALOG_HEADER, CATALOG_SAMPLE) == ["Name", "Description (HTML)"]


def test_already_translated_columns_are_never_picked() -> None:
    header = ["Name", "Name [de]", "Name [pt-BR]", "Description [zh-Hans]"]
    sample = [Row(("Blue mug", "Blaue Tasse", "Caneca azul", "蓝色马克杯"))]
    assert detect_text_columns(header, sample) == ["Name"]
    assert is_translated_column("Title [es-419]")
    assert not is_translated_column("Size [cm]x")


def test_headers_that_name_text_accept_single_words() -> None:
    header = ["Title", "Material", "Product ID", "Image alt text"]
    sample = [Row(("Lamp", "Oak", "Lamp", "Oak lamp")), Row(("Chair", "Pine", "Chair", "Pine"))]
    assert detect_text_columns(header, sample) == ["Title", "Image alt text"]


@pytest.mark.parametrize(
    "values",
    [
        ["A-100", "B-200"],
        ["support@example.com", "sales@example.com"],
        ["www.example.com/mug", "https://example.com/cup"],
        ["2024-03-01", "01.02.2023"],
        ["10 x 20 cm", "2.5 kg"],
        ["1.234,56", "-3"],
        [12.5, 3],
    ],
)
def test_values_that_are_not_prose_are_not_picked(values: list[object]) -> None:
    assert detect_text_columns(["Misc"], [Row((value,)) for value in values]) == []


def test_unspaced_scripts_count_as_prose() -> None:
    sample = [Row(("青い陶器のマグカップ",)), Row(("有机棉T恤衫",))]
    assert detect_text_columns(["Misc"], sample) == ["Misc"]


def test_select_columns_matches_exactly_then_ignoring_case_and_spaces() -> None:
    header = ["SKU", " Name ", "Description"]
    assert select_columns(header, ["Name", "description", "Name"]) == [" Name ", "Description"]


def test_select_columns_names_the_missing_column_and_the_available_ones() -> None:
    with pytest.raises(InputError) as raised:
        select_columns(["SKU", "Name", "Description"], ["Titel"])
    assert str(raised.value) == (
        "column 'Titel' not found; available columns: 'SKU', 'Name', 'Description'"
    )


def test_select_columns_refuses_an_ambiguous_case_insensitive_match() -> None:
    with pytest.raises(InputError, match="matches several columns"):
        select_columns(["name", "NAME"], ["Name"])
