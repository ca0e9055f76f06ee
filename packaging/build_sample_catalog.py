"""Build the bundled demo catalog: engine/samples/sample_catalog.xlsx and .csv.

The catalog is a small, hand-written US home-goods/apparel shop export (24 products) that
exercises what real catalogs contain: text SKUs with leading zeros, capitalised product-line
names, HTML descriptions with entities, links and US measurements, a `{brand}` placeholder,
an ALL-CAPS title, an emoji, one empty description, currency-formatted prices and a second
sheet of free-text notes.

Run from anywhere:

    python packaging/build_sample_catalog.py [--out-dir engine/samples]

The output is byte-for-byte reproducible: zip timestamps and the workbook's document
properties are pinned, so rebuilding does not produce a diff.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT_DIR = REPO_ROOT / "engine" / "samples"
XLSX_NAME = "sample_catalog.xlsx"
CSV_NAME = "sample_catalog.csv"

HEADERS: tuple[str, ...] = (
    "SKU",
    "Name",
    "Description (HTML)",
    "Short description",
    "Color",
    "Material",
    "Size",
    "Price (USD)",
    "Weight (lb)",
    "Dimensions",
    "Image URL",
    "EAN",
)
CSV_HEADERS: tuple[str, ...] = ("SKU", "Name", "Description (HTML)", "Price (USD)")

PRICE_FORMAT = "$#,##0.00"
WEIGHT_FORMAT = "0.0"
FIXED_TIMESTAMP = dt.datetime(2024, 1, 15, 9, 0, 0)
ZIP_DATE_TIME = (2024, 1, 15, 9, 0, 0)
IMAGE_BASE = "https://images.polyshelf-demo.example/catalog"
EAN_COMPANY_PREFIX = "08401274"


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    description_html: str
    short_description: str
    color: str
    material: str
    size: str
    price_usd: float
    weight_lb: float
    dimensions: str
    item_ref: int  # used to derive the EAN

    @property
    def image_url(self) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", self.sku.lower()).strip("-")
        return f"{IMAGE_BASE}/{slug}.jpg"

    @property
    def ean(self) -> str:
        return ean13(f"{EAN_COMPANY_PREFIX}{self.item_ref:04d}")


def ean13(first12: str) -> str:
    """Append the GS1 check digit to a 12-digit string."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


PRODUCTS: tuple[Product, ...] = (
    Product(
        sku="0017",
        name="SKOGBY armchair, Navy",
        description_html=(
            "<p>A deep seat and wide armrests make this chair easy to relax in.</p>"
            "<ul><li>Seat width: 23 1/2 in wide</li>"
            "<li>Removable, machine-washable cover</li>"
            "<li>Solid birch legs with a clear lacquer</li></ul>"
        ),
        short_description="Upholstered armchair with solid birch legs.",
        color="Navy",
        material="Polyester, solid birch",
        size="One size",
        price_usd=249.00,
        weight_lb=38.6,
        dimensions="31 1/2 x 33 x 34 1/4 in",
        item_ref=17,
    ),
    Product(
        sku="0018",
        name="SKOGBY footstool, Navy",
        description_html="",
        short_description="Matching footstool for the SKOGBY armchair.",
        color="Navy",
        material="Polyester, solid birch",
        size="One size",
        price_usd=99.00,
        weight_lb=11.2,
        dimensions="22 x 18 x 16 1/2 in",
        item_ref=18,
    ),
    Product(
        sku="PS-10234",
        name="LINNEA duvet cover set, Full/Queen",
        description_html=(
            "<p><b>100% cotton percale</b> with a crisp, cool feel.</p>"
            "<p>The set includes 1 duvet cover and 2 pillowcases.<br>"
            "A hidden button closure keeps the comforter in place.</p>"
        ),
        short_description="Cotton percale duvet cover with 2 pillowcases.",
        color="White",
        material="100% cotton",
        size="Full/Queen",
        price_usd=79.99,
        weight_lb=3.2,
        dimensions="88 x 92 in",
        item_ref=1023,
    ),
    Product(
        sku="PS-10235",
        name="LINNEA linen pillow cover, Sage",
        description_html=(
            "<p>Stonewashed linen with a soft, lived-in look.</p>"
            "<ul><li>Fits a 20 x 20 in insert</li>"
            "<li>Zipper closure</li>"
            "<li>Insert not included</li></ul>"
            "<p>Machine wash cold. Tumble dry low.</p>"
        ),
        short_description="Stonewashed linen pillow cover.",
        color="Sage",
        material="100% linen",
        size="20 x 20 in",
        price_usd=24.99,
        weight_lb=0.4,
        dimensions="20 x 20 in",
        item_ref=1024,
    ),
    Product(
        sku="KX-55B",
        name="Cast iron skillet, 10 in",
        description_html=(
            "<p>Pre-seasoned and ready to use.</p>"
            "<ul><li>Oven safe up to 500°F</li>"
            "<li>Works on gas, electric &amp; induction cooktops</li>"
            "<li>Helper handle for a safe grip</li></ul>"
            "<p>Hand wash only. Dry right away and rub with a little oil.</p>"
        ),
        short_description="Pre-seasoned cast iron skillet.",
        color="Black",
        material="Cast iron",
        size="10 in",
        price_usd=34.95,
        weight_lb=5.3,
        dimensions="17 1/4 x 10 1/4 x 2 in",
        item_ref=5502,
    ),
    Product(
        sku="KX-71",
        name="Aluminum sheet pan, half size",
        description_html=(
            "<p>Heats evenly and will not warp.</p>"
            "<p>Roast vegetables at 350°F for 25-30 minutes.<br>"
            "Oven safe up to 450°F.</p>"
        ),
        short_description="Heavy-gauge half sheet pan.",
        color="Silver",
        material="Aluminum",
        size="Half sheet",
        price_usd=19.99,
        weight_lb=1.8,
        dimensions="18 x 13 x 1 in",
        item_ref=5571,
    ),
    Product(
        sku="HG-2210",
        name="AUDA stoneware dinner plates, set of 4",
        description_html=(
            "<p>Reactive glaze gives each plate a unique finish.</p>"
            "<ul><li>Each plate is 10 1/2 in across</li>"
            "<li>Microwave &amp; dishwasher safe</li>"
            "<li>Not for use on the stovetop</li></ul>"
        ),
        short_description="Set of 4 glazed stoneware plates.",
        color="Speckled White",
        material="Stoneware",
        size="Set of 4",
        price_usd=54.00,
        weight_lb=9.1,
        dimensions="10 1/2 x 10 1/2 x 1 in",
        item_ref=2210,
    ),
    Product(
        sku="HG-3150",
        name="Glass food storage containers, set of 10",
        description_html=(
            "<p>Keep leftovers fresh with snap-lock lids.</p>"
            "<ul><li>Freezer, microwave &amp; dishwasher safe</li>"
            "<li>Remove the lids before microwaving</li>"
            "<li>Sizes from 12 oz to 36 oz</li></ul>"
        ),
        short_description="Glass containers with snap-lock lids.",
        color="Clear",
        material="Tempered glass, plastic",
        size="Set of 10",
        price_usd=39.99,
        weight_lb=8.4,
        dimensions="10 x 8 x 7 in (boxed)",
        item_ref=3150,
    ),
    Product(
        sku="0042",
        name="BOLUND pendant lamp, Brass",
        description_html=(
            "<p>A spun metal shade with a warm brass finish.</p>"
            "<ul><li>Shade diameter: 15 3/4 in</li>"
            "<li>Cord length: 6 ft, adjustable</li>"
            "<li>Bulb sold separately. Max 60 W, E26 base.</li></ul>"
            '<p>See our <a href="https://www.polyshelf-demo.example/guides/bulbs" '
            'target="_blank" rel="noopener">bulb guide</a> to choose a bulb.</p>'
        ),
        short_description="Brass pendant lamp with a spun metal shade.",
        color="Brass",
        material="Steel, brass finish",
        size="15 3/4 in",
        price_usd=129.00,
        weight_lb=4.0,
        dimensions="15 3/4 x 15 3/4 x 9 in",
        item_ref=42,
    ),
    Product(
        sku="LT-204-BK",
        name="ORSA table lamp, Matte Black",
        description_html=(
            "<p>A slim metal base with a dimmer switch on the cord.</p>"
            "<ul><li>Height: 24 in</li>"
            "<li>Fits shades 10-12 in across</li>"
            "<li>Uses one LED bulb, up to 9 W</li></ul>"
        ),
        short_description="Dimmable table lamp with a slim metal base.",
        color="Matte Black",
        material="Steel",
        size="24 in",
        price_usd=59.99,
        weight_lb=3.5,
        dimensions="6 x 6 x 24 in",
        item_ref=2041,
    ),
    Product(
        sku="LT-118",
        name="LED string lights, 33 ft, Warm White",
        description_html=(
            "<p>100 warm white LEDs on a thin copper wire.</p>"
            "<ul><li>Plug-in, with a 6 ft lead cord</li>"
            "<li>Timer: 6 hours on, 18 hours off</li>"
            "<li>Weather-resistant for outdoor use</li></ul>"
        ),
        short_description="Plug-in string lights with a timer.",
        color="Warm White",
        material="Copper wire, LED",
        size="33 ft",
        price_usd=22.50,
        weight_lb=0.9,
        dimensions="33 ft long",
        item_ref=1180,
    ),
    Product(
        sku="0815",
        name="VIKEN outdoor dining table, Acacia",
        description_html=(
            "<p>Solid acacia wood with an oiled finish. Seats 6.</p>"
            "<ul><li>Table top: 71 x 35 1/2 in</li>"
            "<li>Hole for a patio umbrella</li>"
            "<li>Adjustable feet for uneven ground</li></ul>"
            "<p><b>Care:</b> Treat the wood with oil once a year.<br>"
            "Cover or store indoors in winter.</p>"
        ),
        short_description="Acacia outdoor table that seats 6.",
        color="Natural",
        material="Solid acacia wood",
        size="Seats 6",
        price_usd=599.00,
        weight_lb=66.0,
        dimensions="71 x 35 1/2 x 29 1/2 in",
        item_ref=815,
    ),
    Product(
        sku="OD-3301",
        name="Folding Adirondack chair, Slate Gray",
        description_html=(
            "<p>Made from recycled plastic. It will not rot, splinter or crack.</p>"
            "<ul><li>Holds up to 300 lb</li>"
            "<li>Folds flat for storage</li>"
            "<li>Rinse clean with a garden hose</li></ul>"
        ),
        short_description="Weatherproof folding Adirondack chair.",
        color="Slate Gray",
        material="Recycled HDPE plastic",
        size="One size",
        price_usd=189.00,
        weight_lb=42.0,
        dimensions="30 x 34 x 37 in",
        item_ref=3301,
    ),
    Product(
        sku="OD-3420",
        name="Outdoor seat cushion, Navy Stripe",
        description_html=(
            "<p>Fade-resistant fabric for sunny patios.</p>"
            "<ul><li>Ties keep the cushion in place</li>"
            "<li>Quick-dry foam fill, 3 in thick</li></ul>"
            "<p>Spot clean with mild soap &amp; water.</p>"
        ),
        short_description="Fade-resistant outdoor seat cushion.",
        color="Navy Stripe",
        material="Polyester, foam",
        size="20 x 20 in",
        price_usd=29.99,
        weight_lb=1.5,
        dimensions="20 x 20 x 3 in",
        item_ref=3420,
    ),
    Product(
        sku="00731",
        name="TERRA ceramic planter, Terracotta",
        description_html=(
            "<p>A classic planter for herbs and houseplants.</p>"
            "<ul><li>Drainage hole and saucer included</li>"
            "<li>Holds about one 5-lb bag of potting mix</li>"
            "<li>For indoor use or a covered porch</li></ul>"
        ),
        short_description="Ceramic planter with a drainage saucer.",
        color="Terracotta",
        material="Ceramic",
        size="10 in",
        price_usd=27.00,
        weight_lb=4.8,
        dimensions="10 x 10 x 9 in",
        item_ref=731,
    ),
    Product(
        sku="PS-20877",
        name="HAVSTA wool area rug, 5 x 8 ft, Cream",
        description_html=(
            "<p>Hand-woven from thick New Zealand wool.</p>"
            "<p>The flat weave is easy to vacuum.<br>"
            "Use a rug pad to keep it from slipping.</p>"
            "<p>Some shedding is normal in the first weeks.</p>"
        ),
        short_description="Hand-woven flat-weave wool rug.",
        color="Cream",
        material="100% wool",
        size="5 x 8 ft",
        price_usd=1249.00,
        weight_lb=17.5,
        dimensions="5 x 8 ft",
        item_ref=2087,
    ),
    Product(
        sku="0007",
        name="Bamboo bath towel set, 6 pieces, Seafoam",
        description_html=(
            "<p>Soft, thirsty towels made from bamboo viscose &amp; cotton.</p>"
            "<ul><li>2 bath towels, 30 x 56 in</li>"
            "<li>2 hand towels, 16 x 30 in</li>"
            "<li>2 washcloths, 13 x 13 in</li></ul>"
            "<p>Wash warm. Do not use fabric softener.</p>"
        ),
        short_description="6-piece bamboo and cotton towel set.",
        color="Seafoam",
        material="Bamboo viscose, cotton",
        size="6 pieces",
        price_usd=64.00,
        weight_lb=4.1,
        dimensions="See item list",
        item_ref=7,
    ),
    Product(
        sku="AP-7712-M",
        name="Men's merino crew sweater, Heather Gray",
        description_html=(
            "<p>Fine-gauge merino wool that is warm but not bulky.</p>"
            "<ul><li>Ribbed cuffs and hem</li>"
            "<li>Regular fit</li></ul>"
            "<p>Machine wash cold on the gentle cycle. Lay flat to dry.</p>"
        ),
        short_description="Fine-gauge merino wool crew sweater.",
        color="Heather Gray",
        material="100% merino wool",
        size="M",
        price_usd=89.00,
        weight_lb=0.7,
        dimensions="Body length 28 in",
        item_ref=7712,
    ),
    Product(
        sku="AP-7790-S",
        name="Women's linen button-down shirt, Ivory",
        description_html=(
            "<p>The {brand} linen shirt gets softer with every wash.</p>"
            "<ul><li>Relaxed fit with a curved hem</li>"
            "<li>Mother-of-pearl buttons</li></ul>"
            "<p>Machine wash cold. Hang to dry.</p>"
        ),
        short_description="Relaxed linen shirt with a curved hem.",
        color="Ivory",
        material="100% linen",
        size="S",
        price_usd=68.00,
        weight_lb=0.4,
        dimensions="Body length 27 in",
        item_ref=7790,
    ),
    Product(
        sku="AP-8100-L",
        name="Kids' rain jacket, Yellow",
        description_html=(
            "<p>Keeps kids dry on the walk to school.</p>"
            "<ul><li>Waterproof shell with taped seams</li>"
            "<li>Reflective strips on the back</li>"
            "<li>Hood fits over a bike helmet</li></ul>"
        ),
        short_description="Waterproof kids' jacket with a hood.",
        color="Yellow",
        material="Polyester, PU coating",
        size="L (10-12)",
        price_usd=45.00,
        weight_lb=0.8,
        dimensions="Body length 24 in",
        item_ref=8100,
    ),
    Product(
        sku="CL-9001",
        name="FINAL SALE – WOOL-BLEND PEACOAT, CHARCOAL",
        description_html=(
            "<p><b>Final sale.</b> This item cannot be returned or exchanged.</p>"
            "<p>A double-breasted coat with a warm quilted lining.<br>"
            "Dry clean only.</p>"
        ),
        short_description="Double-breasted wool-blend peacoat.",
        color="Charcoal",
        material="70% wool, 30% polyester",
        size="M",
        price_usd=139.99,
        weight_lb=3.3,
        dimensions="Body length 33 in",
        item_ref=9001,
    ),
    Product(
        sku="SH-4402-9",
        name="Men's leather chukka boots, Tan",
        description_html=(
            "<p>Full-grain leather with a soft suede lining.</p>"
            "<ul><li>Shaft height: 5 in</li>"
            "<li>Cushioned insole</li>"
            "<li>Rubber sole with good grip</li></ul>"
            "<p>Runs true to size. Half sizes: order the next size up.</p>"
        ),
        short_description="Full-grain leather chukka boots.",
        color="Tan",
        material="Full-grain leather, rubber",
        size="9",
        price_usd=149.00,
        weight_lb=2.6,
        dimensions="Shaft height 5 in",
        item_ref=4402,
    ),
    Product(
        sku="SH-4510-7",
        name="Women's canvas slip-on sneakers, White",
        description_html=(
            "<p>Our best-selling summer sneaker 👟</p>"
            "<ul><li>Padded insole</li>"
            "<li>Elastic side panels</li>"
            "<li>Machine washable</li></ul>"
        ),
        short_description="Canvas slip-on sneakers.",
        color="White",
        material="Cotton canvas, rubber",
        size="7",
        price_usd=49.99,
        weight_lb=1.1,
        dimensions="Heel height 1 in",
        item_ref=4510,
    ),
    Product(
        sku="SH-4630-10",
        name="Men's wool-blend slippers, Charcoal",
        description_html=(
            "<p>Memory foam footbed for all-day comfort.</p>"
            "<p>The non-slip rubber sole works indoors and out.<br>"
            "Spot clean only.</p>"
        ),
        short_description="Wool-blend slippers with a rubber sole.",
        color="Charcoal",
        material="Wool blend, rubber",
        size="10",
        price_usd=39.00,
        weight_lb=1.2,
        dimensions="Heel height 3/4 in",
        item_ref=4630,
    ),
)

NOTES: tuple[tuple[str, str], ...] = (
    (
        "Units",
        "All sizes and weights are in US units (inches, feet, pounds). Prices are in US dollars.",
    ),
    ("Brand placeholder", "Keep {brand} as it is. The shop fills it in when it publishes."),
    (
        "Final sale",
        "Final sale items cannot be returned or exchanged. Keep this warning in every language.",
    ),
)

COLUMN_WIDTHS: dict[str, float] = {
    "A": 12,
    "B": 42,
    "C": 80,
    "D": 44,
    "E": 14,
    "F": 26,
    "G": 12,
    "H": 12,
    "I": 11,
    "J": 24,
    "K": 52,
    "L": 16,
}


def product_row(p: Product) -> list[str | float]:
    return [
        p.sku,
        p.name,
        p.description_html,
        p.short_description,
        p.color,
        p.material,
        p.size,
        p.price_usd,
        p.weight_lb,
        p.dimensions,
        p.image_url,
        p.ean,
    ]


def build_workbook() -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Products"
    ws.append(list(HEADERS))
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    for cell in ws[1]:
        cell.font = header_font
        cell.fill = header_fill

    for p in PRODUCTS:
        ws.append(product_row(p))
        r = ws.max_row
        # Identifiers are text: keep leading zeros and stop Excel re-typing them.
        for col in ("A", "L"):
            ws[f"{col}{r}"].number_format = "@"
            ws[f"{col}{r}"].data_type = "s"
        if not p.description_html:
            ws[f"C{r}"].value = None
        ws[f"C{r}"].alignment = Alignment(wrap_text=True, vertical="top")
        ws[f"H{r}"].number_format = PRICE_FORMAT
        ws[f"I{r}"].number_format = WEIGHT_FORMAT

    for col, width in COLUMN_WIDTHS.items():
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "B2"

    notes = wb.create_sheet("Notes")
    notes.append(["Topic", "Note"])
    for cell in notes[1]:
        cell.font = header_font
    for topic, note in NOTES:
        notes.append([topic, note])
    notes.column_dimensions["A"].width = 20
    notes.column_dimensions["B"].width = 90

    wb.properties.creator = "Polyshelf"
    wb.properties.title = "Polyshelf sample catalog"
    wb.properties.created = FIXED_TIMESTAMP
    return wb


def normalize_xlsx(data: bytes) -> bytes:
    """Pin zip timestamps and the modified date so the file is reproducible."""
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
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
                    rb"\g<1>" + stamp.encode() + rb"\g<2>",
                    payload,
                )
            zinfo = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE_TIME)
            zinfo.compress_type = zipfile.ZIP_DEFLATED
            zinfo.external_attr = 0o600 << 16
            dst.writestr(zinfo, payload)
    return out.getvalue()


def write_xlsx(path: Path) -> None:
    buf = io.BytesIO()
    build_workbook().save(buf)
    path.write_bytes(normalize_xlsx(buf.getvalue()))


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(CSV_HEADERS)
        for p in PRODUCTS:
            writer.writerow([p.sku, p.name, p.description_html, f"{p.price_usd:.2f}"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--out-dir",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help=f"where to write {XLSX_NAME} and {CSV_NAME} (default: engine/samples)",
    )
    args = parser.parse_args(argv)
    out_dir: Path = args.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    write_xlsx(out_dir / XLSX_NAME)
    write_csv(out_dir / CSV_NAME)
    print(out_dir / XLSX_NAME)
    print(out_dir / CSV_NAME)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
