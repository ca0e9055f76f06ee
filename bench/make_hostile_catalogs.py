"""Write one small "hostile" catalog file per edge case into a directory.

    python bench/make_hostile_catalogs.py --out /tmp/hostile

Prints the name of every file it writes, one per line. Each file (except the two that are
broken on purpose: `not_really.xlsx` and `empty.xlsx`) has the columns `SKU`, `Name`,
`Description`, plus what the case needs. The cases:

formulas.xlsx        text that looks like formulas or CSV-injection payloads
                     (=SUM(A1:A3), +49 30 1234, -fr, @cmd, =HYPERLINK(...), leading tab
                     and CR), plus real formula cells (=SUM, =HYPERLINK, string concat)
broken_html.xlsx     unclosed <b>, stray </i>, <p> without close, cut attribute <a href="x
long_cell.xlsx       one 30,000-character description made of real sentences
emoji_rtl.xlsx       emoji (ZWJ, skin tones, flags, VS16), Arabic, Hebrew, mixed bidi text
duplicate_skus.xlsx  the same SKUs and descriptions repeated many times
merged_cells.xlsx    a merged header cell and merged description cells
cp1252.csv           Windows-1252 bytes, ';' delimiter, CRLF: €, é, ü, ‘smart quotes’
not_really.xlsx      plain CSV text saved under an .xlsx name
empty.xlsx           a valid workbook whose only sheet has no cells
control_chars.csv    UTF-8 CSV with \\x01, \\x0b and other C0 controls inside cells
                     (openpyxl refuses to write these into xlsx)
identifiers.xlsx     SKU '0017' as text, 13-digit EAN as text, a date cell, a number with
                     format '0000', lookalike identifiers ('1E5', '00123')

All files are reproducible byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import itertools
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

FIXED_TIMESTAMP = dt.datetime(2024, 1, 15, 9, 0, 0)
ZIP_DATE_TIME = (2024, 1, 15, 9, 0, 0)
BASE_HEADERS: tuple[str, ...] = ("SKU", "Name", "Description")
LONG_CELL_LENGTH = 30_000

# --------------------------------------------------------------------------- helpers


def normalize_xlsx(data: bytes) -> bytes:
    """Pin zip timestamps and the modified date so the file is reproducible."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + stamp + rb"\g<2>",
                    payload,
                )
            zinfo = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            zinfo.external_attr = 0o600 << 16
            dst.writestr(zinfo, payload)
    return out.getvalue()


def new_sheet(
    headers: Sequence[str | None] = BASE_HEADERS, title: str = "Products"
) -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = title
    if headers:
        ws.append(list(headers))
        for cell in ws[1]:
            cell.font = Font(bold=True)
    wb.properties.creator = "Polyshelf hostile fixtures"
    wb.properties.created = FIXED_TIMESTAMP
    return wb, ws


def save(wb: Workbook, path: Path) -> None:
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(normalize_xlsx(buf.getvalue()))


def put_text(ws: Worksheet, coord: str, text: str) -> None:
    """Store `text` as a literal string even if it starts with '=' (no formula)."""
    cell = ws[coord]
    cell.value = text
    cell.data_type = "s"


def ean13(first12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


# --------------------------------------------------------------------------- cases


def make_formulas(path: Path) -> None:
    wb, ws = new_sheet((*BASE_HEADERS, "Price (USD)", "Qty", "Note"))
    # (SKU, Name, Description, price, qty, note) -- all text cells, nothing evaluates.
    text_rows: list[tuple[str, str, str, float, int, str]] = [
        ("FX-001", "Cotton throw blanket", "=SUM(A1:A3)", 39.99, 2, "text, not a formula"),
        ("FX-002", "Desk lamp", "+49 30 1234", 59.0, 1, "phone number with plus"),
        ("FX-003", "Linen napkins", "-fr", 18.5, 4, "leading minus"),
        ("FX-004", "Wall hook", "@cmd", 7.99, 10, "leading at sign"),
        ("FX-005", "Oak side table", '=HYPERLINK("http://x","y")', 129.0, 1, "text"),
        ("FX-006", "Bath mat", "\tSoft cotton bath mat. Machine washable.", 24.0, 3, "leading tab"),
        (
            "FX-007",
            "Glass vase",
            "\rHand-blown glass vase. Wipe clean.",
            45.0,
            2,
            "leading carriage return",
        ),
        (
            "FX-008",
            "=1+1 pillow",
            "Name starts with '='. Soft down-alternative fill.",
            29.0,
            1,
            "formula-like name",
        ),
        (
            "FX-009",
            "+2 extra pillowcases",
            "-10% off this week only. @everyone welcome.",
            15.0,
            2,
            "plus, minus and at sign",
        ),
        ("FX-010", "Coffee mug", "=cmd|' /C calc'!A0", 12.0, 6, "DDE payload as text"),
    ]
    for sku, name, desc, price, qty, note in text_rows:
        ws.append([sku, None, None, price, qty, note])
        r = ws.max_row
        put_text(ws, f"B{r}", name)
        put_text(ws, f"C{r}", desc)
        ws[f"D{r}"].number_format = "$#,##0.00"

    # Real formulas: the reader must not translate or mangle these.
    ws.append(
        [
            "FX-011",
            "Order total",
            "=SUM(D2:D4)",
            "=SUM(D2:D4)",
            "=SUM(E2:E11)",
            "real formula cells",
        ]
    )
    ws.append(
        [
            "FX-012",
            '=HYPERLINK("http://x","y")',
            '=HYPERLINK("http://x","y")',
            0,
            1,
            "real HYPERLINK formulas",
        ]
    )
    ws.append(
        [
            "FX-013",
            "Sampler set",
            '="Soft cotton "&"throw blanket"',
            "=D2*E2",
            1,
            "real string formula",
        ]
    )
    for r in (ws.max_row - 2, ws.max_row - 1, ws.max_row):
        ws[f"D{r}"].number_format = "$#,##0.00"
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["C"].width = 50
    save(wb, path)


def make_broken_html(path: Path) -> None:
    wb, ws = new_sheet()
    rows = [
        ("BH-001", "Cotton throw", "<p>Soft <b>cotton throw with fringe.</p><p>Machine wash.</p>"),
        ("BH-002", "Linen shirt", "Machine wash cold.</i> Tumble dry low."),
        ("BH-003", "Wool rug", "<p>Hand-woven wool rug.<p>Spot clean only.<p>Use a rug pad."),
        ("BH-004", "Pendant lamp", '<p>See our <a href="x'),
        (
            "BH-005",
            "Table lamp",
            '<p>Read the <a href="https://example.com/guide title=guide>bulb guide</a> first.</p>',
        ),
        ("BH-006", "Sheet set", "<ul><li>Fitted sheet<li>Flat sheet<li>2 pillowcases</ul>"),
        ("BH-007", "Mixing bowls", "Sizes 1 < 3 < 5 qt & lids included > 90% recycled."),
        ("BH-008", "Cutting board", "<P>Solid <B>maple</B> board.<BR>Oil once a month.</P>"),
        ("BH-009", "Dutch oven", "<p>Oven safe to 500&deg;F &amp bakes bread &nbsp well.</p>"),
        ("BH-010", "Bath towel", "<p>Quick-drying cotton.</p><!-- hide this note"),
        ("BH-011", "Door mat", "<div><span>Coir door mat.</div></span> Shake out dirt."),
        ("BH-012", "Coffee table", "<script>alert('x')</script><p>Solid oak top.</p>"),
        ("BH-013", "Planter", "<p class='lead' data-x=\"1>Frost-resistant planter.</p>"),
        ("BH-014", "Armchair", "</p></ul>Deep seat and wide arms.<b><i>Solid birch legs.</b>"),
    ]
    for row in rows:
        ws.append(list(row))
    ws.column_dimensions["C"].width = 80
    save(wb, path)


LONG_SENTENCES: tuple[str, ...] = (
    "This sofa has a solid hardwood frame and deep seat cushions.",
    "The cover is made from a tightly woven cotton blend.",
    "You can remove the cushion covers and wash them in cold water.",
    "Tumble dry on low heat and put the covers back on while they are still damp.",
    "The legs are solid oak with a clear matte finish.",
    "Each leg screws into the base, so no tools are needed.",
    "The seat is 23 1/2 in deep and 19 in high.",
    "The back cushions are filled with a mix of feathers and foam.",
    "Fluff the cushions every week to keep their shape.",
    "Keep the sofa out of direct sunlight to stop the fabric from fading.",
    "Vacuum the fabric often with a soft brush attachment.",
    "Blot spills right away with a clean, dry cloth.",
    "Do not rub a stain, because that pushes it deeper into the fabric.",
    "For tough stains, use a little mild soap and water.",
    "Test any cleaner on a hidden spot first.",
    "The sofa arrives in two boxes.",
    "Delivery includes setup in the room of your choice.",
    "Please measure your doorways and halls before you order.",
    "The sofa needs a door at least 30 in wide.",
    "We offer free fabric swatches so you can see the color at home.",
    "The frame carries a ten-year warranty.",
    "The cushions and fabric carry a one-year warranty.",
    "Small changes in color from one batch to the next are normal.",
    "Pets are welcome, but trim their claws to protect the weave.",
    "A matching armchair and ottoman are sold separately.",
    "Rotate the seat cushions once a month for even wear.",
    "Felt pads under the legs protect wood floors.",
    "The sofa holds up to 750 lb in total.",
    "It fits three adults with room to spare.",
    "Low arms make it a good spot for a nap.",
    "If you have questions, our design team is happy to help.",
    "Returns are free within 30 days of delivery.",
    "Keep the original boxes until you are sure you want to keep it.",
    "Assembly takes about 15 minutes with two people.",
    "Sit back, relax and enjoy your new sofa.",
    "Dust the legs with a soft, dry cloth.",
    "Never use bleach on the fabric.",
    "Wash the covers separately the first time.",
)


def long_text(length: int = LONG_CELL_LENGTH) -> str:
    """Real sentences joined by spaces, exactly `length` characters, ending in a period."""
    parts: list[str] = []
    total = -1  # the first sentence has no leading space
    for sentence in itertools.cycle(LONG_SENTENCES):
        if total + 1 + len(sentence) > length - 150:
            break
        parts.append(sentence)
        total += 1 + len(sentence)
    gap = length - total
    lengths = {s: len(s) + 1 for s in LONG_SENTENCES}
    for n in (1, 2, 3, 4):
        for combo in itertools.combinations(LONG_SENTENCES, n):
            if sum(lengths[s] for s in combo) == gap:
                text = " ".join([*parts, *combo])
                assert len(text) == length
                return text
    raise AssertionError(f"cannot fill {gap} characters")  # pragma: no cover


def make_long_cell(path: Path) -> None:
    wb, ws = new_sheet()
    ws.append(["LC-001", "Short item", "Cotton napkins, set of 4. Machine washable."])
    ws.append(["LC-002", "SKOGBY 3-seat sofa, Oatmeal", long_text()])
    ws.append(["LC-003", "After the long one", "Solid oak side table. Wipe clean."])
    ws["C3"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["C"].width = 100
    save(wb, path)


def make_emoji_rtl(path: Path) -> None:
    wb, ws = new_sheet((*BASE_HEADERS, "Note"))
    rows = [
        ("ER-001", "Cozy throw 🛋️", "Soft and warm ✨ Perfect for movie night 🍿🎬", "VS16 + emoji"),
        (
            "ER-002",
            "Chef's apron 👩🏽‍🍳",
            "Made for home cooks 👨‍👩‍👧‍👦 of all ages.",
            "skin tone + ZWJ family",
        ),
        (
            "ER-003",
            "Flag napkins 🇺🇸",
            "Printed with flags 🇺🇸🇫🇷🇩🇪 for summer parties.",
            "regional indicator flags",
        ),
        ("ER-004", "وسادة قطنية", "وسادة قطنية ناعمة. قابلة للغسل في الغسالة.", "Arabic only"),
        ("ER-005", "כרית כותנה", "כרית כותנה רכה. ניתן לכבס במכונה.", "Hebrew only"),
        (
            "ER-006",
            "Cotton pillow – כרית כותנה",
            "Soft cotton pillow, 20 x 20 in. כרית כותנה רכה, 50 x 50 ס״מ. Machine wash.",
            "mixed LTR/RTL with numbers",
        ),
        (
            "ER-007",
            "Linen cushion – وسادة كتان",
            "Linen cushion 🌿 وسادة كتان ناعمة 🌿 Price: $24.99",
            "mixed LTR/RTL with emoji and price",
        ),
        (
            "ER-008",
            "Bidi marks",
            "\u200fRTL mark first. Then \u202eoverride\u202c and \u2066isolate\u2069 text.",
            "bidi control characters",
        ),
        (
            "ER-009",
            "Café table",
            "Cafe\u0301 table with a zinc top. Décor not included.",
            "combining accent vs precomposed",
        ),
        (
            "ER-010",
            "𝐁𝐨𝐥𝐝 mug",
            "Math bold letters 𝐁𝐨𝐥𝐝 and a heart ❤️ on the side.",
            "astral-plane letters",
        ),
        ("ER-011", "Star lamp ⭐", "⭐⭐⭐⭐⭐ 5-star reviews! Ships in 2 days 🚚.", "emoji run"),
    ]
    for row in rows:
        ws.append(list(row))
    ws.column_dimensions["B"].width = 30
    ws.column_dimensions["C"].width = 70
    save(wb, path)


def make_duplicate_skus(path: Path) -> None:
    wb, ws = new_sheet((*BASE_HEADERS, "Price (USD)"))
    base = [
        (
            "DUP-100",
            "LINNEA linen pillow cover, Sage",
            "<p>Stonewashed linen with a soft feel.</p><ul><li>Fits a 20 x 20 in insert</li>"
            "<li>Insert not included</li></ul>",
            24.99,
        ),
        (
            "DUP-200",
            "Cast iron skillet, 10 in",
            "<p>Pre-seasoned and ready to use.</p><p>Oven safe up to 500°F.</p>",
            34.95,
        ),
        (
            "0017",
            "SKOGBY armchair, Navy",
            "<p>A deep seat and wide armrests. Seat width: 23 1/2 in wide.</p>",
            249.0,
        ),
    ]
    # 60 rows: each SKU 20 times, interleaved, with identical descriptions.
    for _ in range(20):
        for sku, name, desc, price in base:
            ws.append([sku, name, desc, price])
    # Same description under different SKUs, and an empty duplicate.
    shared = "<p>Machine wash cold. Tumble dry low.</p>"
    for i in range(10):
        ws.append([f"DUP-{300 + i}", f"Cotton tea towel, style {i + 1}", shared, 9.99])
    ws.append(["DUP-100", "LINNEA linen pillow cover, Sage", None, 24.99])
    for r in range(2, ws.max_row + 1):
        ws[f"A{r}"].data_type = "s"
        ws[f"D{r}"].number_format = "$#,##0.00"
    save(wb, path)


def make_merged_cells(path: Path) -> None:
    wb, ws = new_sheet(("SKU", "Name", "Description", None, "Price (USD)"))
    ws.merge_cells("C1:D1")  # merged header over two columns
    ws["C1"].alignment = Alignment(horizontal="center")
    rows = [
        ["MC-001", "LINNEA duvet cover, Twin", "Cotton percale. Machine wash cold.", None, 79.0],
        ["MC-002", "LINNEA duvet cover, Full/Queen", None, None, 89.0],
        ["MC-003", "LINNEA duvet cover, King", None, None, 99.0],
        [
            "MC-004",
            "ORSA table lamp, Black",
            "Dimmer on the cord. Fits shades 10-12 in.",
            None,
            59.99,
        ],
        [
            "MC-005",
            "BOLUND pendant lamp, Brass",
            "Spun metal shade.",
            "Bulb sold separately.",
            129.0,
        ],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("C2:D4")  # one description shared by three size variants
    ws.merge_cells("C5:D5")  # description spread over two columns
    ws["C2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("B7:E7")  # merged footer note
    ws["A7"] = "NOTE"
    ws["B7"] = "Prices exclude shipping. Sizes are in inches."
    for r in range(2, 7):
        ws[f"E{r}"].number_format = "$#,##0.00"
    ws.column_dimensions["C"].width = 40
    ws.column_dimensions["D"].width = 30
    save(wb, path)


def make_cp1252_csv(path: Path) -> None:
    rows = [
        ("SKU", "Name", "Description", "Price"),
        ("CP-001", "Café table", "Round café table – solid oak. Seats 2.", "149,00 €"),
        ("CP-002", "Müller throw", "Soft throw from Müller & Söhne. ‘Dry clean’ only.", "59,90 €"),
        (
            "CP-003",
            "Crème blanket",
            "The “crème” color goes with everything… Wash at 30°C.",
            "79,00 €",
        ),
        (
            "CP-004",
            "Déjà vu mug",
            "Stoneware mug, 12 oz. Dishwasher safe; microwave safe.",
            "12,50 €",
        ),
        ("CP-005", "Señor apron", "Cotton apron™ with 2 pockets. ½ price this week!", "19,99 €"),
        (
            "CP-006",
            "Façade lamp",
            'Outdoor wall lamp, "Façade" series. IP44 — rain-proof.',
            "89,00 €",
        ),
    ]
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("cp1252"))


def make_not_really(path: Path) -> None:
    path.write_text(
        "SKU,Name,Description\n"
        "NR-001,Cotton throw,This is a CSV file with an .xlsx name.\n"
        "NR-002,Oak side table,Solid oak. Wipe clean.\n",
        encoding="utf-8",
    )


def make_empty(path: Path) -> None:
    wb, _ws = new_sheet(headers=(), title="Products")
    save(wb, path)


def make_control_chars_csv(path: Path) -> None:
    rows = [
        ("SKU", "Name", "Description"),
        ("CC-001", "Cotton\x01throw", "Soft cotton throw.\x01 Machine washable."),
        ("CC-002", "Linen\x0bshirt", "Relaxed fit.\x0bHang to dry."),
        ("CC-003", "Wool rug", "\x1b[31mRed wool rug\x1b[0m. Spot clean only."),
        ("CC-004", "Oak table\x7f", "Solid oak.\x0cWipe clean.\x1f Seats 4."),
        ("CC-005", "Glass vase", "Hand-blown glass\x08\x08 vase.\x1c\x1d\x1e Wipe clean."),
        ("CC-006", "Plain row", "No control characters here."),
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)


def make_identifiers(path: Path) -> None:
    headers = (*BASE_HEADERS, "EAN", "Release date", "Bin", "Price (USD)", "Updated")
    wb, ws = new_sheet(headers)
    rows: list[list[object]] = [
        [
            "0017",
            "SKOGBY armchair, Navy",
            "Deep seat and wide armrests.",
            ean13("084012740017"),
            dt.date(2024, 3, 1),
            17,
            249.0,
            dt.datetime(2024, 3, 2, 14, 30),
        ],
        [
            "00123",
            "LINNEA pillow cover, Sage",
            "Stonewashed linen. Insert not included.",
            ean13("004012700012"),
            dt.date(2023, 11, 15),
            123,
            24.99,
            dt.datetime(2024, 1, 5, 9, 0),
        ],
        [
            "1E5",
            "ORSA table lamp, Black",
            "Dimmer switch on the cord.",
            ean13("084012740105"),
            dt.date(2024, 1, 20),
            5,
            59.99,
            dt.datetime(2024, 2, 1, 8, 15),
        ],
        [
            "2024-03",
            "VIKEN outdoor table, Acacia",
            "Solid acacia. Seats 6.",
            ean13("084012740815"),
            dt.date(2022, 6, 30),
            815,
            599.0,
            dt.datetime(2023, 7, 4, 12, 0),
        ],
        [
            "KX-55B",
            "Cast iron skillet, 10 in",
            "Oven safe up to 500°F.",
            ean13("084012745502"),
            dt.date(2021, 9, 9),
            2,
            34.95,
            dt.datetime(2021, 9, 10, 0, 0),
        ],
    ]
    for row in rows:
        ws.append(row)
        r = ws.max_row
        ws[f"A{r}"].data_type = "s"
        ws[f"A{r}"].number_format = "@"
        ws[f"D{r}"].data_type = "s"
        ws[f"D{r}"].number_format = "@"
        ws[f"E{r}"].number_format = "mm/dd/yyyy"
        ws[f"F{r}"].number_format = "0000"
        ws[f"G{r}"].number_format = "$#,##0.00"
        ws[f"H{r}"].number_format = "yyyy-mm-dd hh:mm"
    ws.column_dimensions["D"].width = 16
    ws.column_dimensions["E"].width = 13
    ws.column_dimensions["H"].width = 17
    save(wb, path)


CASES: dict[str, Callable[[Path], None]] = {
    "formulas.xlsx": make_formulas,
    "broken_html.xlsx": make_broken_html,
    "long_cell.xlsx": make_long_cell,
    "emoji_rtl.xlsx": make_emoji_rtl,
    "duplicate_skus.xlsx": make_duplicate_skus,
    "merged_cells.xlsx": make_merged_cells,
    "cp1252.csv": make_cp1252_csv,
    "not_really.xlsx": make_not_really,
    "empty.xlsx": make_empty,
    "control_chars.csv": make_control_chars_csv,
    "identifiers.xlsx": make_identifiers,
}


def write_all(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, build in CASES.items():
        path = out_dir / name
        build(path)
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write hostile catalog fixtures, one per case.")
    parser.add_argument("--out", type=Path, required=True, help="output directory")
    args = parser.parse_args(argv)
    for path in write_all(args.out):
        print(path.name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
