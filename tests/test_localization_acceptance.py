"""Issue acceptance: a US catalog to de and fr with terms, units, prices and market rules.

The fake MT reverses words, so anything that reads right in the output was put there by the
glossary, the locale renderer or a market rule, not by the model.
"""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from polyshelf.cli.main import main

ROWS = [
    ["SKU", "Name", "Description", "Color", "Price", "Currency", "Width (in)"],
    [
        "HM-100",
        "HEMNES bookcase",
        "<p>Solid pine bookcase, 23 1/2 in wide and 6'2\" tall.</p><p>Note: holds 50 lb!</p>",
        "White",
        19.99,
        "USD",
        23.5,
    ],
    [
        "MA-200",
        "MÅLA cushion cover",
        'Soft cushion cover for 20 x 20 in cushions. Wash at 86°F. Save 20% on "MÅLA" sets.',
        "Navy, white",
        1299,
        "USD",
        20,
    ],
    [
        "BO-300",
        "BOHOLMEN sink",
        "Fits drains of 10-12 in. Model 350F. Ships in 2 boxes.",
        "Beige",
        5,
        "USD",
        10,
    ],
]


@pytest.fixture
def catalog(project: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Products"
    for row in ROWS:
        sheet.append(row)
    path = project / "us_catalog.xlsx"
    book.save(path)
    (project / "glossaries").mkdir()
    (project / "glossaries" / "en-de.csv").write_text(
        "source,target,market\ncushion cover,Kissenbezug,\ncushion cover,Kissenhülle,de-CH\n",
        "utf-8",
    )
    return path


def translate(project: Path, catalog: Path, *extra: str) -> tuple[dict, dict[str, list]]:
    out = project / "out.xlsx"
    args = ["--project", str(project), "translate", str(catalog), "--to", "de,fr,de-CH"]
    assert main([*args, "--out", str(out), "--report", "--quiet", *extra]) == 0
    report = json.loads((project / "out.xlsx.report.json").read_text("utf-8"))
    book = openpyxl.load_workbook(out)
    sheets = {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    return report, sheets


def column(sheets: dict[str, list], name: str) -> list:
    header, *rows = sheets["Products"]
    return [row[header.index(name)] for row in rows]


def test_units_prices_names_terms_typography_and_qa_sheet(project: Path, catalog: Path) -> None:
    report, sheets = translate(project, catalog)
    de, fr, ch = (column(sheets, f"Description [{loc}]") for loc in ("de", "fr", "de-CH"))
    # Measurements converted and formatted for the locale (in free text, inside HTML).
    assert "59,7 cm" in de[0] and "188 cm" in de[0] and "22,7 kg" in de[0]
    assert "50,8 x 50,8 cm" in de[1] and "30 °C" in de[1]
    assert "25,4–30,5 cm" in de[2] and "350F" in de[2]  # a model number is not a temperature
    assert "59,7\u00a0cm" in fr[0] or "59,7 cm" in fr[0]
    # Percentages per CLDR; the quoted product name keeps German quotes.
    assert "20\u00a0%" in de[1] and "„MÅLA“" in de[1]
    # Every product name in capitals survives.
    for names in (column(sheets, f"Name [{loc}]") for loc in ("de", "fr", "de-CH")):
        assert [n.split()[0] for n in names] == ["HEMNES", "MÅLA", "BOHOLMEN"]
    # Glossary targets placed during MT, with the market override for de-CH.
    assert "Kissenbezug" in de[1] and "Kissenhülle" in ch[1]
    # French typography: no-break spaces before : and !, « » quotes.
    assert "\u00a0:" in fr[0] and "\u202f!" in fr[0] and "«\u00a0MÅLA\u00a0»" in fr[1]
    # Prices: a localized copy per locale, formatted by CLDR; units column in metric.
    assert column(sheets, "Price [de]") == ["19,99\u00a0$", "1.299,00\u00a0$", "5,00\u00a0$"]
    assert column(sheets, "Width (cm) [fr]")[0] == "59,7"
    # Attribute values from the dictionary, lists included.
    assert column(sheets, "Color [de]") == ["Weiß", "Marineblau, Weiß", "Beige"]
    assert column(sheets, "Color [de-CH]")[0] == "Weiss"
    # QA sheet lists fixes and remaining problems, and the report counts them.
    qa_header, *qa_rows = sheets["QA"]
    assert list(qa_header) == [
        "Sheet",
        "Row",
        "Column",
        "Locale",
        "Rule",
        "Severity",
        "Message",
        "Fixed",
    ]
    rules = {(r[3], r[4], r[7]) for r in qa_rows}
    assert ("fr", "typography-fr-spacing", "yes") in rules
    assert ("de", "typography-quotes", "yes") in rules
    assert report["issue_counts"]["typography-fr-spacing"] >= 1


def test_remaining_glossary_violation_is_listed_in_qa_sheet(project: Path, catalog: Path) -> None:
    # An imported TM entry is reused as is; it lacks the glossary term, which the QA reports.
    tm = project / "tm.csv"
    tm.write_text(
        "source,target\nSoft cushion cover for 20 x 20 in cushions.,Weiche Hülle für Kissen.\n",
        "utf-8",
    )
    args = ["--project", str(project), "tm", "import", str(tm), "--from", "en", "--to", "de"]
    assert main(args) == 0
    _, sheets = translate(project, catalog)
    qa = [r for r in sheets["QA"][1:] if r[3] == "de" and r[4] == "glossary-term"]
    assert qa and qa[0][:3] == ("Products", 3, "Description") and qa[0][7] == "no"
    assert "Kissenbezug" in qa[0][6]


def test_market_switch_keeps_us_units_for_en_us(project: Path, catalog: Path) -> None:
    (project / "models").mkdir(exist_ok=True)
    import tests.fakes as fakes

    fakes.write_fake_model(project / "models", name="en-en", targets=("en",))
    out = project / "us.xlsx"
    args = [
        "--project",
        str(project),
        "translate",
        str(catalog),
        "--to",
        "en-US",
        "--out",
        str(out),
    ]
    assert main([*args, "--quiet", "--no-store"]) == 0
    rows = list(openpyxl.load_workbook(out)["Products"].iter_rows(values_only=True))
    header = rows[0]
    assert "23 1/2 in" in rows[1][header.index("Description [en-US]")]
    assert "Width (cm) [en-US]" not in header
