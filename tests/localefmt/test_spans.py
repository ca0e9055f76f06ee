from __future__ import annotations

import itertools

import pytest

from polyshelf.localefmt import find_locale_spans


def spans_of(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], kind) for start, end, kind in find_locale_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Measures 23 1/2 in wide", [("23 1/2 in", "measure")]),
        ("Top shelf is 23-1/2 in. deep", [("23-1/2 in.", "measure")]),
        ('Frame opening 23½" across', [('23½"', "measure")]),
        ("Comes in a 5-lb bag", [("5-lb", "measure")]),
        ("Fits pots 10-12 in wide", [("10-12 in", "measure")]),
        ("Adjustable from 10 to 12 inches", [("10 to 12 inches", "measure")]),
        ("Model is 6'2\" tall", [("6'2\"", "measure")]),
        ("Cord reaches 6 ft 2 in", [("6 ft 2 in", "measure")]),
        ("Washable 12 x 18 in rug", [("12 x 18 in", "measure")]),
        ("Box: 12 in. x 18 in. x 4 in.", [("12 in. x 18 in. x 4 in", "measure")]),
        ("Preheat to 350°F before baking", [("350°F", "measure")]),
        ("Rated down to -4 °F overnight", [("-4 °F", "measure")]),
        ("Bake at 350-400°F", [("350-400°F", "measure")]),
        ("Works from -20 to -4 °F", [("-20 to -4 °F", "measure")]),
        ("Holds 16 fl oz of coffee", [("16 fl oz", "measure")]),
        ("A 1 gal jug", [("1 gal", "measure")]),
        ("Net wt 8 oz (pack)", [("8 oz", "measure")]),
        ("Weighs 2 lbs. Great for travel", [("2 lbs", "measure")]),
        ("A 3 feet long cable", [("3 feet", "measure")]),
        ('Bolt length 1/4" exactly', [('1/4"', "measure")]),
        ("Pack of 2 x 8 oz cans", [("8 oz", "measure")]),
        ("A 12-inch skillet", [("12-inch", "measure")]),
        ('Screen: 6.1"', [('6.1"', "measure")]),
    ],
)
def test_measures_found(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_of(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "5 in stock, ships today",
        "Available in 3 sizes",
        "Offered in 2 colors",
        "Model 350F stand mixer",
        "Replacement blade for KX-200",
        "Case for iPhone 12 in black",
        "Our 2-in-1 laptop stand",
        "Top 10 in 2024",
        "Width 60 cm, weight 2 kg, volume 500 ml, 20 °C",
        "Collection 2024, 12 pieces",
        'Try the "Model 12" range',
        "Launched in the 90’s",
    ],
)
def test_not_measures(text: str) -> None:
    assert [kind for _, kind in spans_of(text) if kind == "measure"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Now $19.99, was $24.99", [("$19.99", "price"), ("$24.99", "price")]),
        ("List price USD 1,299.00", [("USD 1,299.00", "price")]),
        ("Only €5 this week", [("€5", "price")]),
        ("Costs 19.99 USD incl. tax", [("19.99 USD", "price")]),
        ("Save 20% today", [("20%", "percent")]),
        ("Only 12.5 % fat", [("12.5 %", "percent")]),
        ("Ships 2026-03-01", [("2026-03-01", "date")]),
        ("Offer ends 03/01/2026.", [("03/01/2026", "date")]),
        ("Available March 1, 2026 online", [("March 1, 2026", "date")]),
        ("Available 1 March 2026 online", [("1 March 2026", "date")]),
        ("Mix 100 ALL and 5 CUP", []),
        ("Ships 2026-02-30", []),
    ],
)
def test_prices_percentages_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert spans_of(text) == expected


def test_mixed_sentence_spans_sorted_and_disjoint() -> None:
    text = "Sale: $49.99 (20% off) for the 12 x 18 in mat until March 1, 2026; 5 in stock."
    spans = find_locale_spans(text)
    assert [kind for _, _, kind in spans] == ["price", "percent", "measure", "date"]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("html_run", "expected"),
    [
        # Text runs as the segmenter passes them after splitting markup and unescaping.
        ("Overall: 30 in W x 18 in D", [("30 in", "measure"), ("18 in", "measure")]),
        ("Seat height 18 in", [("18 in", "measure")]),
        ('12"W x 18"H frame', [('12"', "measure"), ('18"', "measure")]),
    ],
)
def test_units_in_html_text_runs(html_run: str, expected: list[tuple[str, str]]) -> None:
    assert spans_of(html_run) == expected


def test_raw_markup_around_measure() -> None:
    assert spans_of("<li>Width: 24 in</li>") == [("24 in", "measure")]


def test_empty_text() -> None:
    assert find_locale_spans("") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Width 60 cm, weight 2 kg, volume 500 ml, 20 °C",
            ["60 cm", "2 kg", "500 ml", "20 °C"],
        ),
        ("Cable hole: 2.5 cm. Rug 160 x 230 cm.", ["2.5 cm", "160 x 230 cm"]),
        ("Store at -18 °C; fits 10-12 mm bolts", ["-18 °C", "10-12 mm"]),
        ("Model 5m2, 3 mins, 2 boxes, 100 g/m2, EAN 400 5", []),
    ],
)
def test_metric_quantities_are_protected_whole(text: str, expected: list[str]) -> None:
    assert [span for span, kind in spans_of(text) if kind == "metric"] == expected


def test_metric_rendering_keeps_units_and_localizes_numbers() -> None:
    from polyshelf.localefmt.metric import render_metric

    assert render_metric("2.5 cm", "de-DE") == "2,5 cm"
    assert render_metric("160 x 230 cm", "fr-FR") == "160 x 230 cm"
    assert render_metric("1.5 l", "fr-FR") == "1,5 l"
