"""Generate a realistic synthetic product catalog (xlsx, csv or jsonl).

    python bench/make_catalog.py --rows 400 --seed 1 --out /tmp/cat400.xlsx
    python bench/make_catalog.py --rows 100000 --out /tmp/c.xlsx
    python bench/make_catalog.py --rows 5000 --out /tmp/c.jsonl --format jsonl

Products are combined from templates for a US home-goods and apparel shop (furniture,
textiles, kitchen, lighting, outdoor, clothing, shoes): product-line names, adjectives,
materials, colors, features, care instructions, US dimensions (in, ft, lb, oz, qt) and
prices. Descriptions are HTML (p, ul/li, b, br, a with attributes, &amp; entities).
Non-text columns (SKU, EAN, prices, stock, weight, image URL, dates, a flag) are included
so that tools can check that they pass through untouched.

The content is fully determined by --seed and --rows (row N is the same whatever --rows
is). csv and jsonl output is byte-for-byte reproducible; xlsx output has the same cells
but the zip container carries the write time. xlsx is written with openpyxl's write-only
mode, so memory stays flat and 100,000 rows take well under a minute.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import html
import json
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HEADERS: tuple[str, ...] = (
    "SKU",
    "Name",
    "Description (HTML)",
    "Short description",
    "Category",
    "Color",
    "Material",
    "Size",
    "Care instructions",
    "Price (USD)",
    "Sale price (USD)",
    "Stock",
    "Weight (lb)",
    "Dimensions",
    "EAN",
    "Image URL",
    "Created",
    "Last updated",
    "Published",
)
FORMATS = ("xlsx", "csv", "jsonl")
PRICE_FORMAT = "$#,##0.00"
SITE = "https://www.polyshelf-demo.example"
IMAGE_BASE = "https://images.polyshelf-demo.example/catalog"
CREATED_FROM = dt.date(2021, 1, 4)
CREATED_SPAN_DAYS = 1400

Row = dict[str, Any]

# --------------------------------------------------------------------------- vocabulary

LINE_NAMES: tuple[str, ...] = (
    "SKOGBY",
    "LINNEA",
    "HAVSTA",
    "BOLUND",
    "ORSA",
    "VIKEN",
    "TERRA",
    "FJELLA",
    "ALMO",
    "KORSA",
    "NORRE",
    "SOLVIK",
    "BRISA",
    "EKHOLM",
    "MALVA",
    "TUNDRA",
    "ROSVIK",
    "LUNDA",
    "HALDEN",
    "MAREN",
    "SAGA",
    "ODEN",
    "BIRKA",
    "STRANDA",
    "VALLE",
    "KIRRA",
    "AUDA",
)

ADJECTIVES: dict[str, tuple[str, ...]] = {
    "Furniture": (
        "modern",
        "classic",
        "compact",
        "sturdy",
        "low-profile",
        "mid-century",
        "space-saving",
        "minimalist",
    ),
    "Textiles": (
        "soft",
        "lightweight",
        "cozy",
        "breathable",
        "textured",
        "plush",
        "stonewashed",
        "heavyweight",
    ),
    "Kitchen": (
        "durable",
        "versatile",
        "everyday",
        "heavy-duty",
        "stackable",
        "classic",
        "professional",
        "compact",
    ),
    "Lighting": (
        "modern",
        "dimmable",
        "slim",
        "industrial",
        "warm",
        "sculptural",
        "minimalist",
        "vintage-style",
    ),
    "Outdoor": (
        "weatherproof",
        "all-weather",
        "foldable",
        "rust-resistant",
        "lightweight",
        "sturdy",
        "stackable",
        "fade-resistant",
    ),
    "Clothing": (
        "relaxed",
        "classic",
        "lightweight",
        "warm",
        "everyday",
        "slim-fit",
        "packable",
        "soft",
    ),
    "Shoes": (
        "comfortable",
        "classic",
        "lightweight",
        "waterproof",
        "cushioned",
        "everyday",
        "flexible",
        "durable",
    ),
}

COLORS: dict[str, tuple[str, ...]] = {
    "Furniture": (
        "Natural Oak",
        "Walnut",
        "White",
        "Black",
        "Charcoal",
        "Navy",
        "Sage",
        "Light Gray",
        "Cognac",
        "Cream",
    ),
    "Textiles": (
        "White",
        "Ivory",
        "Oatmeal",
        "Sage",
        "Dusty Rose",
        "Navy",
        "Slate Blue",
        "Charcoal",
        "Terracotta",
        "Mustard",
        "Heather Gray",
    ),
    "Kitchen": (
        "Black",
        "White",
        "Matte Black",
        "Red",
        "Sage",
        "Speckled White",
        "Graphite",
        "Cream",
        "Navy",
    ),
    "Lighting": (
        "Brass",
        "Matte Black",
        "White",
        "Brushed Nickel",
        "Natural",
        "Bronze",
        "Smoke Glass",
        "Opal White",
    ),
    "Outdoor": (
        "Slate Gray",
        "Teak",
        "Black",
        "White",
        "Navy Stripe",
        "Forest Green",
        "Sand",
        "Charcoal",
    ),
    "Clothing": (
        "Navy",
        "Black",
        "Heather Gray",
        "Olive",
        "Ivory",
        "Camel",
        "Burgundy",
        "Chambray Blue",
        "Rust",
        "Forest Green",
    ),
    "Shoes": ("Black", "Tan", "White", "Navy", "Brown", "Gray", "Olive", "Chestnut"),
}

INTROS: tuple[str, ...] = (
    "{a_adj} {noun} made from {material}.",
    "This {adj} {noun} is made from {material}.",
    "Our {adj} {noun} is built from {material} to last for years.",
    "Simple lines and {material} make this {noun} easy to love.",
    "Made from {material}, this {noun} is {adj} and easy to care for.",
)
PLACES: dict[str, str] = {
    "Furniture": "home",
    "Textiles": "home",
    "Kitchen": "kitchen",
    "Lighting": "home",
    "Outdoor": "patio",
    "Clothing": "closet",
    "Shoes": "closet",
}
LINE_INTROS: tuple[str, ...] = (
    "Meet the {line} {noun}: {adj}, practical and made from {material}.",
    "The {line} {noun} is {adj} and made from {material}.",
    "The {line} collection brings {a_adj} look to your {place}. This {noun} is made from "
    "{material}.",
)

BENEFITS: dict[str, tuple[str, ...]] = {
    "Furniture": (
        "It fits well in small apartments.",
        "Assembly takes about 20 minutes.",
        "All tools and hardware are included.",
        "The rounded corners are safe for homes with kids.",
        "It is easy to move from room to room.",
    ),
    "Textiles": (
        "It gets softer with every wash.",
        "The fabric feels soft from the first use.",
        "Each piece is dyed in small batches.",
        "It adds warmth and texture to any room.",
        "The weave is tight and does not pill.",
    ),
    "Kitchen": (
        "It cleans up in seconds.",
        "It is built for daily use in a busy kitchen.",
        "It looks good enough to bring to the table.",
        "It stores neatly to save cabinet space.",
        "It makes a great gift for new cooks.",
    ),
    "Lighting": (
        "It gives off a warm, even glow.",
        "Use it with a smart bulb to control it from your phone.",
        "It works well above a dining table or kitchen island.",
        "The soft light is easy on the eyes.",
    ),
    "Outdoor": (
        "It stands up to sun, rain and snow.",
        "It is easy to clean with a garden hose.",
        "It will not rust, rot or fade.",
        "It is light enough to carry to the beach.",
    ),
    "Clothing": (
        "It layers well under a jacket.",
        "The fabric keeps its shape wash after wash.",
        "It is easy to dress up or down.",
        "Pack it flat for travel without wrinkles.",
    ),
    "Shoes": (
        "The cushioned footbed keeps you comfortable all day.",
        "The rubber sole grips well on wet streets.",
        "They break in quickly.",
        "They pair well with jeans or chinos.",
    ),
}

CARE: dict[str, tuple[str, ...]] = {
    "wood": (
        "Wipe clean with a damp cloth.",
        "Do not use harsh cleaners.",
        "Keep out of direct sunlight.",
    ),
    "upholstery": (
        "Vacuum regularly.",
        "Spot clean with mild soap and water.",
        "The cover is removable and machine washable.",
    ),
    "bedding": (
        "Machine wash cold with like colors.",
        "Tumble dry low.",
        "Warm iron if needed.",
        "Do not bleach.",
    ),
    "wool": (
        "Spot clean only.",
        "Vacuum without the beater bar.",
        "Professional cleaning recommended.",
    ),
    "cookware": (
        "Hand wash with warm, soapy water.",
        "Dry right away.",
        "Do not use metal scouring pads.",
    ),
    "dishwasher": ("Dishwasher safe.", "Microwave safe.", "Avoid sudden temperature changes."),
    "lamp": (
        "Dust with a dry cloth.",
        "Turn off and unplug before cleaning.",
        "Let the bulb cool before you change it.",
    ),
    "outdoor": (
        "Rinse with a garden hose.",
        "Store indoors during the winter.",
        "Clean with mild soap and water.",
    ),
    "knit": ("Machine wash cold on the gentle cycle.", "Lay flat to dry.", "Do not wring."),
    "woven": ("Machine wash cold.", "Hang to dry.", "Warm iron if needed."),
    "leather": (
        "Wipe clean with a damp cloth.",
        "Use a leather conditioner twice a year.",
        "Let wet shoes dry away from heat.",
    ),
    "slipper": (
        "Spot clean with a damp cloth.",
        "Air dry away from heat.",
        "Brush off dirt when dry.",
    ),
    "canvas": ("Machine wash cold.", "Air dry only.", "Remove the insoles before washing."),
}

# --------------------------------------------------------------------------- measurements


def inches(value: float) -> str:
    """Format inches with quarter fractions: 23.5 -> '23 1/2'."""
    quarters = round(value * 4)
    whole, frac = divmod(quarters, 4)
    part = {0: "", 1: "1/4", 2: "1/2", 3: "3/4"}[frac]
    if whole == 0:
        return part or "0"
    return f"{whole} {part}" if part else str(whole)


def rand_in(rng: random.Random, lo: float, hi: float) -> float:
    return round(rng.uniform(lo, hi) * 4) / 4


Dims = tuple[str, list[str]]  # ("W x D x H" text, feature lines)


def dims_box(
    w: tuple[float, float], d: tuple[float, float], h: tuple[float, float]
) -> Callable[[random.Random, str], Dims]:
    def make(rng: random.Random, size: str) -> Dims:
        a, b, c = rand_in(rng, *w), rand_in(rng, *d), rand_in(rng, *h)
        text = f"{inches(a)} x {inches(b)} x {inches(c)} in"
        lines = [
            rng.choice(
                (
                    f"Measures {inches(a)} in wide x {inches(b)} in deep x {inches(c)} in high",
                    f"Overall: {inches(a)} in W x {inches(b)} in D x {inches(c)} in H",
                    f"Width: {inches(a)} in. Height: {inches(c)} in.",
                )
            )
        ]
        return text, lines

    return make


def dims_flat(rng: random.Random, size: str) -> Dims:
    return size, [f"Size: {size}"]


def dims_diameter(lo: float, hi: float) -> Callable[[random.Random, str], Dims]:
    def make(rng: random.Random, size: str) -> Dims:
        dia = rand_in(rng, lo, hi)
        height = rand_in(rng, lo * 0.5, hi * 1.2)
        return (
            f"{inches(dia)} in dia. x {inches(height)} in H",
            [f"Diameter: {inches(dia)} in", f"Height: {inches(height)} in"],
        )

    return make


def dims_garment(lo: float, hi: float) -> Callable[[random.Random, str], Dims]:
    def make(rng: random.Random, size: str) -> Dims:
        length = rand_in(rng, lo, hi)
        return f"Body length {inches(length)} in", [
            f"Body length: {inches(length)} in (size {size})"
        ]

    return make


def dims_shoe(rng: random.Random, size: str) -> Dims:
    heel = rng.choice((0.75, 1, 1.25, 1.5, 2))
    return f"Heel height {inches(heel)} in", [f"Heel height: {inches(heel)} in"]


# --------------------------------------------------------------------------- product types


@dataclass(frozen=True)
class ProductType:
    category: str
    title: str  # used in product names
    materials: tuple[str, ...]
    sizes: tuple[str, ...]
    dims: Callable[[random.Random, str], Dims]
    weight_lb: tuple[float, float]
    price: tuple[float, float]
    features: tuple[str, ...]
    care: str
    sku_prefix: str
    link: str = "care guide"
    singular: str = ""  # noun for sentences if `title` is plural
    colors: tuple[str, ...] = ()  # overrides the category colors

    @property
    def noun(self) -> str:
        return self.singular or self.title


SIZES_BED = ("Twin", "Full/Queen", "King", "California King")
SIZES_TOP = ("XS", "S", "M", "L", "XL", "XXL")
SIZES_KIDS = ("XS (4-5)", "S (6-7)", "M (8-9)", "L (10-12)", "XL (14-16)")
SIZES_SHOE = tuple(str(s / 2).removesuffix(".0") for s in range(12, 27))

PRODUCT_TYPES: tuple[ProductType, ...] = (
    ProductType(
        category="Furniture",
        title="armchair",
        materials=("solid birch", "linen blend", "boucle fabric", "performance velvet"),
        sizes=("One size",),
        dims=dims_box((27, 33), (29, 35), (30, 36)),
        weight_lb=(28, 48),
        price=(199, 799),
        features=(
            "Seat height: 17 1/2 in",
            "Removable seat cushion",
            "Holds up to 250 lb",
            "Felt pads protect your floors",
            "No-sag seat springs",
        ),
        care="upholstery",
        sku_prefix="FN",
    ),
    ProductType(
        category="Furniture",
        title="3-seat sofa",
        materials=("performance velvet", "cotton twill", "top-grain leather", "recycled polyester"),
        sizes=("One size",),
        dims=dims_box((78, 92), (34, 39), (30, 34)),
        weight_lb=(90, 160),
        price=(899, 2499),
        features=(
            "Seat depth: 23 1/2 in",
            "Reversible back cushions",
            "Kiln-dried hardwood frame",
            "Legs screw on, no tools needed",
            "Stain-resistant fabric",
        ),
        care="upholstery",
        sku_prefix="FN",
    ),
    ProductType(
        category="Furniture",
        title="coffee table",
        materials=("solid oak", "walnut veneer", "tempered glass", "solid mango wood"),
        sizes=("One size",),
        dims=dims_box((36, 48), (20, 28), (15, 18)),
        weight_lb=(25, 60),
        price=(149, 649),
        features=(
            "Open shelf for books and baskets",
            "Rounded edges",
            "Water-resistant finish",
            "Holds up to 66 lb",
        ),
        care="wood",
        sku_prefix="FN",
    ),
    ProductType(
        category="Furniture",
        title="bookcase",
        materials=("solid pine", "oak veneer", "powder-coated steel"),
        sizes=("3 shelves", "5 shelves"),
        dims=dims_box((23, 36), (11, 15), (41, 78)),
        weight_lb=(30, 85),
        price=(89, 399),
        features=(
            "Adjustable shelves",
            "Wall anchor included",
            "Each shelf holds up to 33 lb",
            "Open back for easy cable routing",
        ),
        care="wood",
        sku_prefix="FN",
    ),
    ProductType(
        category="Furniture",
        title="nightstand",
        materials=("solid oak", "rattan", "white-painted pine"),
        sizes=("One size",),
        dims=dims_box((15, 22), (13, 17), (20, 26)),
        weight_lb=(14, 35),
        price=(79, 299),
        features=(
            "One soft-close drawer",
            "Open shelf below",
            "Cord hole in the back",
            "Drawer runs on metal glides",
        ),
        care="wood",
        sku_prefix="FN",
    ),
    ProductType(
        category="Furniture",
        title="dining chairs, set of 2",
        materials=("solid beech", "molded plastic", "woven seagrass", "bent plywood"),
        sizes=("Set of 2",),
        dims=dims_box((17, 21), (19, 23), (30, 34)),
        weight_lb=(18, 40),
        price=(129, 449),
        features=(
            "Stackable for easy storage",
            "Seat height: 18 in",
            "Holds up to 250 lb",
            "Sold as a set of 2",
        ),
        care="wood",
        sku_prefix="FN",
        singular="set of dining chairs",
    ),
    ProductType(
        category="Textiles",
        title="duvet cover set",
        materials=("cotton percale", "cotton sateen", "washed linen", "organic cotton"),
        sizes=SIZES_BED,
        dims=dims_flat,
        weight_lb=(2, 5),
        price=(59, 249),
        features=(
            "Includes 1 duvet cover and 2 shams",
            "Hidden button closure",
            "Corner ties keep the comforter in place",
            "OEKO-TEX certified fabric",
            "Envelope closure on the shams",
        ),
        care="bedding",
        sku_prefix="TX",
    ),
    ProductType(
        category="Textiles",
        title="sheet set",
        materials=("cotton percale", "bamboo viscose", "brushed microfiber", "organic cotton"),
        sizes=SIZES_BED,
        dims=dims_flat,
        weight_lb=(2, 4),
        price=(49, 199),
        features=(
            "Fitted sheet fits mattresses up to 16 in deep",
            "Includes 1 flat sheet, 1 fitted sheet and 2 pillowcases",
            "Elastic all around the fitted sheet",
            "400 thread count",
        ),
        care="bedding",
        sku_prefix="TX",
    ),
    ProductType(
        category="Textiles",
        title="throw blanket",
        materials=("cotton knit", "merino wool", "faux fur", "chunky acrylic knit"),
        sizes=("50 x 60 in", "60 x 80 in"),
        dims=dims_flat,
        weight_lb=(1.5, 4),
        price=(39, 149),
        features=(
            "Finished with soft tassels",
            "Reversible design",
            "Warm but not heavy",
            "Makes a great gift",
        ),
        care="bedding",
        sku_prefix="TX",
    ),
    ProductType(
        category="Textiles",
        title="area rug",
        materials=("hand-woven wool", "jute", "polypropylene", "cotton chenille"),
        sizes=("2 x 3 ft", "5 x 8 ft", "8 x 10 ft", "9 x 12 ft"),
        dims=dims_flat,
        weight_lb=(3, 45),
        price=(49, 1499),
        features=(
            "Low pile, about 1/4 in high",
            "Safe for floors with radiant heat",
            "Use with a rug pad",
            "Some shedding is normal at first",
        ),
        care="wool",
        sku_prefix="TX",
    ),
    ProductType(
        category="Textiles",
        title="curtain panel",
        materials=("linen blend", "blackout polyester", "cotton voile", "velvet"),
        sizes=("50 x 84 in", "50 x 96 in", "50 x 108 in"),
        dims=dims_flat,
        weight_lb=(1, 3.5),
        price=(29, 119),
        features=(
            "Rod pocket and back tabs",
            "Blocks 99% of light",
            "Sold as a single panel",
            "Fits rods up to 1 1/2 in",
        ),
        care="woven",
        sku_prefix="TX",
    ),
    ProductType(
        category="Textiles",
        title="bath towel set",
        materials=("Turkish cotton", "bamboo viscose", "waffle-weave cotton"),
        sizes=("4 pieces", "6 pieces", "8 pieces"),
        dims=dims_flat,
        weight_lb=(2, 6),
        price=(39, 129),
        features=(
            "Bath towels: 30 x 56 in",
            "Hand towels: 16 x 30 in",
            "Washcloths: 13 x 13 in",
            "Quick-drying loops",
            "600 GSM weight",
        ),
        care="bedding",
        sku_prefix="TX",
    ),
    ProductType(
        category="Kitchen",
        title="skillet",
        materials=("pre-seasoned cast iron", "enameled cast iron"),
        sizes=("8 in", "10 in", "12 in"),
        dims=dims_diameter(8, 12),
        weight_lb=(3, 8),
        price=(24, 89),
        features=(
            "Oven safe up to 500°F",
            "Works on all cooktops, including induction",
            "Pour spouts on both sides",
            "Helper handle for a safe grip",
        ),
        care="cookware",
        sku_prefix="KX",
        colors=("Black", "Red", "Cream", "Navy"),
    ),
    ProductType(
        category="Kitchen",
        title="Dutch oven",
        materials=("enameled cast iron",),
        sizes=("3.5 qt", "5.5 qt", "7.25 qt"),
        dims=dims_diameter(9, 13),
        weight_lb=(9, 16),
        price=(79, 349),
        features=(
            "Oven safe up to 500°F",
            "Tight-fitting lid locks in moisture",
            "Bake bread at 450°F",
            "Light interior makes it easy to check food",
        ),
        care="cookware",
        sku_prefix="KX",
    ),
    ProductType(
        category="Kitchen",
        title="chef's knife",
        materials=("high-carbon stainless steel", "Japanese steel"),
        sizes=("6 in", "8 in", "10 in"),
        dims=dims_flat,
        weight_lb=(0.4, 0.9),
        price=(29, 189),
        features=(
            "Full tang for balance",
            "Ergonomic handle",
            "Hand sharpened",
            "Comes with a blade guard",
        ),
        care="cookware",
        sku_prefix="KX",
        colors=("Black", "Walnut", "Natural", "Olive Wood"),
    ),
    ProductType(
        category="Kitchen",
        title="dinnerware set",
        materials=("stoneware", "porcelain", "bone china"),
        sizes=("12 pieces", "16 pieces"),
        dims=dims_flat,
        weight_lb=(12, 25),
        price=(59, 249),
        features=(
            "Service for 4",
            "Dinner plates: 10 1/2 in",
            "Salad plates: 8 in",
            "Bowls hold 24 oz",
            "Microwave & dishwasher safe",
        ),
        care="dishwasher",
        sku_prefix="KX",
    ),
    ProductType(
        category="Kitchen",
        title="mixing bowl set",
        materials=("stainless steel", "tempered glass", "melamine"),
        sizes=("3 pieces", "5 pieces"),
        dims=dims_flat,
        weight_lb=(2, 7),
        price=(24, 79),
        features=(
            "Sizes from 1 qt to 5 qt",
            "Non-slip base",
            "Lids included",
            "Nests for compact storage",
        ),
        care="dishwasher",
        sku_prefix="KX",
        colors=("Silver", "Clear", "White", "Sage"),
    ),
    ProductType(
        category="Kitchen",
        title="coffee mugs, set of 4",
        materials=("stoneware", "porcelain", "double-wall glass"),
        sizes=("12 oz", "16 oz"),
        dims=dims_flat,
        weight_lb=(2, 4),
        price=(24, 64),
        features=(
            "Comfortable C-shaped handle",
            "Wide base will not tip",
            "Microwave & dishwasher safe",
            "Sold as a set of 4",
        ),
        care="dishwasher",
        sku_prefix="KX",
        singular="set of coffee mugs",
    ),
    ProductType(
        category="Kitchen",
        title="sheet pan",
        materials=("aluminum", "aluminized steel"),
        sizes=("quarter sheet", "half sheet"),
        dims=dims_box((12, 18), (9, 13), (1, 1)),
        weight_lb=(1, 3),
        price=(14, 39),
        features=(
            "Will not warp in a hot oven",
            "Oven safe up to 450°F",
            "Roast vegetables at 350°F for 25-30 minutes",
            "Rolled edges for strength",
        ),
        care="cookware",
        sku_prefix="KX",
        colors=("Silver", "Gold"),
    ),
    ProductType(
        category="Lighting",
        title="pendant lamp",
        materials=("spun aluminum", "hand-blown glass", "rattan", "brass-plated steel"),
        sizes=("12 in", "16 in", "20 in"),
        dims=dims_diameter(10, 20),
        weight_lb=(2, 9),
        price=(79, 399),
        features=(
            "Cord length: 6 ft, adjustable",
            "Bulb sold separately",
            "Max 60 W, E26 base",
            "Hardwired, install by an electrician",
        ),
        care="lamp",
        sku_prefix="LT",
        link="bulb guide",
    ),
    ProductType(
        category="Lighting",
        title="table lamp",
        materials=("ceramic", "brushed steel", "turned wood", "frosted glass"),
        sizes=("One size",),
        dims=dims_box((8, 14), (8, 14), (18, 28)),
        weight_lb=(3, 9),
        price=(49, 229),
        features=(
            "Linen drum shade included",
            "Fits shades 10-12 in across",
            "Inline dimmer on the cord",
            "USB-C port in the base",
        ),
        care="lamp",
        sku_prefix="LT",
        link="bulb guide",
    ),
    ProductType(
        category="Lighting",
        title="floor lamp",
        materials=("powder-coated steel", "solid oak", "brass"),
        sizes=("One size",),
        dims=dims_box((10, 16), (10, 16), (58, 68)),
        weight_lb=(8, 18),
        price=(99, 449),
        features=(
            "Foot switch",
            "Adjustable arm",
            "Weighted base will not tip",
            "Works with LED bulbs up to 12 W",
        ),
        care="lamp",
        sku_prefix="LT",
        link="bulb guide",
    ),
    ProductType(
        category="Lighting",
        title="LED string lights",
        materials=("copper wire", "rubber cable"),
        sizes=("16 ft", "33 ft", "48 ft"),
        dims=dims_flat,
        weight_lb=(0.5, 3),
        price=(15, 69),
        features=(
            "Timer: 6 hours on, 18 hours off",
            "Plug-in, with a 6 ft lead cord",
            "Weather-resistant for outdoor use",
            "Connect up to 3 strings end to end",
        ),
        care="lamp",
        sku_prefix="LT",
        link="bulb guide",
        singular="string of LED lights",
        colors=("Warm White", "Cool White", "Multicolor"),
    ),
    ProductType(
        category="Outdoor",
        title="Adirondack chair",
        materials=("recycled plastic", "solid acacia", "cedar"),
        sizes=("One size",),
        dims=dims_box((29, 32), (32, 36), (35, 39)),
        weight_lb=(20, 48),
        price=(149, 449),
        features=(
            "Holds up to 300 lb",
            "Folds flat for storage",
            "Wide armrests hold a drink",
            "Will not splinter or crack",
        ),
        care="outdoor",
        sku_prefix="OD",
    ),
    ProductType(
        category="Outdoor",
        title="patio dining table",
        materials=("solid acacia", "teak", "powder-coated aluminum"),
        sizes=("Seats 4", "Seats 6", "Seats 8"),
        dims=dims_box((47, 95), (31, 40), (29, 30)),
        weight_lb=(40, 120),
        price=(399, 1899),
        features=(
            "Hole for a patio umbrella",
            "Adjustable feet for uneven ground",
            "Slatted top drains rain",
            "Treat the wood with oil once a year",
        ),
        care="outdoor",
        sku_prefix="OD",
    ),
    ProductType(
        category="Outdoor",
        title="seat cushion",
        materials=("fade-resistant polyester", "olefin fabric", "quick-dry foam"),
        sizes=("18 x 18 in", "20 x 20 in", "22 x 22 in"),
        dims=dims_flat,
        weight_lb=(1, 3),
        price=(19, 69),
        features=(
            "Ties keep the cushion in place",
            "3 in thick",
            "Water-repellent fabric",
            "Zip-off cover",
        ),
        care="outdoor",
        sku_prefix="OD",
    ),
    ProductType(
        category="Outdoor",
        title="planter",
        materials=("fiberstone", "glazed ceramic", "galvanized steel", "terracotta"),
        sizes=("8 in", "10 in", "14 in", "18 in"),
        dims=dims_diameter(8, 18),
        weight_lb=(3, 30),
        price=(19, 149),
        features=(
            "Drainage hole with rubber plug",
            "Holds about one 5-lb bag of potting mix",
            "Frost-resistant to 14°F",
            "Saucer sold separately",
        ),
        care="outdoor",
        sku_prefix="OD",
    ),
    ProductType(
        category="Outdoor",
        title="hammock",
        materials=("cotton rope", "quick-dry nylon", "recycled polyester"),
        sizes=("Single", "Double"),
        dims=dims_flat,
        weight_lb=(2, 9),
        price=(49, 229),
        features=(
            "Holds up to 400 lb",
            "Tree straps included",
            "Packs into its own pouch",
            "Spreader bars keep it open",
        ),
        care="outdoor",
        sku_prefix="OD",
    ),
    ProductType(
        category="Clothing",
        title="crew sweater",
        materials=("merino wool", "organic cotton", "cashmere blend", "recycled wool"),
        sizes=SIZES_TOP,
        dims=dims_garment(25, 30),
        weight_lb=(0.5, 1.2),
        price=(49, 189),
        features=(
            "Ribbed cuffs and hem",
            "Regular fit",
            "Fine-gauge knit",
            "Model is 6 ft 1 in and wears size M",
        ),
        care="knit",
        sku_prefix="AP",
        link="size chart",
    ),
    ProductType(
        category="Clothing",
        title="button-down shirt",
        materials=("washed linen", "cotton oxford", "flannel", "chambray"),
        sizes=SIZES_TOP,
        dims=dims_garment(27, 31),
        weight_lb=(0.3, 0.7),
        price=(39, 119),
        features=("Curved hem", "Chest pocket", "Relaxed fit", "Mother-of-pearl buttons"),
        care="woven",
        sku_prefix="AP",
        link="size chart",
    ),
    ProductType(
        category="Clothing",
        title="rain jacket",
        materials=("waterproof nylon", "recycled polyester"),
        sizes=SIZES_TOP + SIZES_KIDS,
        dims=dims_garment(24, 32),
        weight_lb=(0.6, 1.5),
        price=(45, 229),
        features=(
            "Taped seams",
            "Packs into its own pocket",
            "Adjustable hood",
            "Reflective details",
        ),
        care="woven",
        sku_prefix="AP",
        link="size chart",
    ),
    ProductType(
        category="Clothing",
        title="chinos",
        materials=("stretch cotton twill", "organic cotton", "linen blend"),
        sizes=("28W x 30L", "30W x 32L", "32W x 32L", "34W x 32L", "36W x 34L"),
        dims=dims_flat,
        weight_lb=(0.8, 1.4),
        price=(49, 129),
        features=(
            "Slim straight leg",
            "Zip fly with button",
            "Four pockets",
            "Inseam listed with each size",
        ),
        care="woven",
        sku_prefix="AP",
        link="size chart",
        singular="pair of chinos",
    ),
    ProductType(
        category="Clothing",
        title="hoodie",
        materials=("recycled fleece", "cotton French terry"),
        sizes=SIZES_TOP + SIZES_KIDS,
        dims=dims_garment(24, 30),
        weight_lb=(0.8, 1.6),
        price=(39, 99),
        features=("Kangaroo pocket", "Lined hood", "Brushed inside for warmth", "Ribbed cuffs"),
        care="knit",
        sku_prefix="AP",
        link="size chart",
    ),
    ProductType(
        category="Shoes",
        title="chukka boots",
        materials=("full-grain leather", "suede"),
        sizes=SIZES_SHOE,
        dims=dims_shoe,
        weight_lb=(2, 3.5),
        price=(119, 279),
        features=(
            "Shaft height: 5 in",
            "Cushioned insole",
            "Stitched rubber sole",
            "Runs true to size",
        ),
        care="leather",
        sku_prefix="SH",
        link="size chart",
        singular="pair of chukka boots",
    ),
    ProductType(
        category="Shoes",
        title="slip-on sneakers",
        materials=("cotton canvas", "knit mesh", "recycled canvas"),
        sizes=SIZES_SHOE,
        dims=dims_shoe,
        weight_lb=(1, 2),
        price=(39, 99),
        features=(
            "Elastic side panels",
            "Padded insole",
            "Machine washable",
            "Half sizes: order the next size up",
        ),
        care="canvas",
        sku_prefix="SH",
        link="size chart",
        singular="pair of slip-on sneakers",
    ),
    ProductType(
        category="Shoes",
        title="running shoes",
        materials=("engineered mesh", "recycled knit"),
        sizes=SIZES_SHOE,
        dims=dims_shoe,
        weight_lb=(1.2, 2.2),
        price=(89, 179),
        features=(
            "Weighs about 9 oz per shoe",
            "10 mm heel-to-toe drop",
            "Reflective heel tab",
            "Removable insole",
        ),
        care="canvas",
        sku_prefix="SH",
        link="size chart",
        singular="pair of running shoes",
    ),
    ProductType(
        category="Shoes",
        title="slippers",
        materials=("boiled wool", "sheepskin", "wool blend"),
        sizes=SIZES_SHOE,
        dims=dims_shoe,
        weight_lb=(0.8, 1.5),
        price=(39, 129),
        features=(
            "Memory foam footbed",
            "Non-slip rubber sole",
            "Works indoors and out",
            "Warm without sweaty feet",
        ),
        care="slipper",
        sku_prefix="SH",
        link="size chart",
        singular="pair of slippers",
    ),
)

# --------------------------------------------------------------------------- generation


def ean13(first12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def title_case_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def make_sku(rng: random.Random, index: int, ptype: ProductType, size: str) -> str:
    style = rng.random()
    if style < 0.15:
        return f"{index:06d}"  # numeric with leading zeros
    if style < 0.7:
        return f"{ptype.sku_prefix}-{10000 + index}"
    suffix = "".join(ch for ch in size.split(" ")[0].upper() if ch.isalnum())[:4] or "OS"
    return f"{ptype.sku_prefix}-{10000 + index}-{suffix}"


def price_for(rng: random.Random, lo: float, hi: float) -> float:
    base = rng.uniform(lo, hi)
    dollars = int(base)
    if dollars >= 500:
        dollars = dollars // 50 * 50 - 1
        return float(dollars)
    return dollars + rng.choice((0.0, 0.99, 0.99, 0.95, 0.5))


def build_description(
    rng: random.Random,
    ptype: ProductType,
    parts: dict[str, str],
    dim_lines: list[str],
    care: list[str],
    slug: str,
) -> str:
    templates = LINE_INTROS if parts["line"] else INTROS
    intro = rng.choice(templates).format(**parts)
    intro = title_case_first(intro)
    benefit = rng.choice(BENEFITS[ptype.category])
    chunks: list[str] = []
    style = rng.random()
    if style < 0.25:
        chunks.append(f"<p><b>{esc(intro)}</b> {esc(benefit)}</p>")
    elif style < 0.45:
        chunks.append(f"<p>{esc(intro)}<br>{esc(benefit)}</p>")
    else:
        chunks.append(f"<p>{esc(intro)} {esc(benefit)}</p>")

    n_features = rng.randint(2, min(4, len(ptype.features)))
    features = rng.sample(ptype.features, n_features) + dim_lines[:1]
    if rng.random() < 0.8:
        items = "".join(f"<li>{esc(f)}</li>" for f in features)
        chunks.append(f"<ul>{items}</ul>")
    else:
        chunks.append("<p>" + "<br>".join(esc(f) + "." for f in features) + "</p>")

    care_style = rng.random()
    if care_style < 0.4:
        chunks.append(f"<p><b>Care:</b> {esc(' '.join(care))}</p>")
    elif care_style < 0.7:
        chunks.append("<p>" + "<br>".join(esc(c) for c in care) + "</p>")

    if rng.random() < 0.3:
        anchor = ptype.link
        href = f"{SITE}/help/{anchor.replace(' ', '-')}?product={slug}"
        extra = ' target="_blank" rel="noopener"' if rng.random() < 0.6 else ""
        chunks.append(
            f'<p>See our <a href="{esc(href).replace(chr(34), "&quot;")}"{extra} '
            f'title="{title_case_first(anchor)}">{anchor}</a> for details.</p>'
        )
    if rng.random() < 0.05:
        chunks.append("<p>Ships in 1-2 business days &amp; free returns within 30 days.</p>")
    return "".join(chunks)


def make_row(seed: int, index: int) -> Row:
    """Build product number `index` (0-based); independent of how many rows are asked for."""
    rng = random.Random(seed * 1_000_003 + index)
    ptype = rng.choice(PRODUCT_TYPES)
    cat = ptype.category
    material = rng.choice(ptype.materials)
    color = rng.choice(ptype.colors or COLORS[cat])
    size = rng.choice(ptype.sizes)
    adj = rng.choice(ADJECTIVES[cat])
    line = rng.choice(LINE_NAMES)
    use_line = rng.random() < 0.55

    name = f"{line if use_line else title_case_first(adj)} {material} {ptype.title}"
    if cat in ("Clothing", "Shoes"):
        who = "Kids'" if "(" in size else rng.choice(("Men's", "Women's"))
        name = f"{who} {name if use_line else name[0].lower() + name[1:]}"
    if len(ptype.sizes) > 1:
        name += f", {size}"
    name += f", {color}"
    if rng.random() < 0.01:
        name = name.upper()

    dims_text, dim_lines = ptype.dims(rng, size)
    care_pool = CARE[ptype.care]
    care = rng.sample(care_pool, rng.randint(1, min(3, len(care_pool))))
    sku = make_sku(rng, index, ptype, size)
    slug = sku.lower()
    parts = {
        "adj": adj,
        "noun": ptype.noun,
        "material": material,
        "line": line if use_line else "",
        "a_adj": ("an " if adj[0] in "aeiou" else "a ") + adj,
        "place": PLACES[cat],
    }
    description = build_description(rng, ptype, parts, dim_lines, care, slug)
    short = title_case_first(f"{adj} {ptype.title.split(',')[0]} in {material}.")

    price = price_for(rng, *ptype.price)
    sale = round(price * rng.choice((0.7, 0.75, 0.8)), 2) if rng.random() < 0.15 else None
    stock = 0 if rng.random() < 0.08 else rng.randint(1, 480)
    weight = round(rng.uniform(*ptype.weight_lb), 1)
    created = CREATED_FROM + dt.timedelta(days=rng.randrange(CREATED_SPAN_DAYS))
    updated = dt.datetime.combine(
        created + dt.timedelta(days=rng.randrange(1, 200)),
        dt.time(rng.randrange(7, 19), rng.randrange(60), rng.randrange(60)),
    )
    row: Row = {
        "SKU": sku,
        "Name": name,
        "Description (HTML)": "" if rng.random() < 0.01 else description,
        "Short description": short,
        "Category": cat,
        "Color": color,
        "Material": title_case_first(material),
        "Size": size,
        "Care instructions": " ".join(care),
        "Price (USD)": price,
        "Sale price (USD)": sale,
        "Stock": stock,
        "Weight (lb)": weight,
        "Dimensions": dims_text,
        "EAN": ean13(f"0{40127000000 + index:011d}"),
        "Image URL": f"{IMAGE_BASE}/{slug}.jpg",
        "Created": created,
        "Last updated": updated,
        "Published": stock > 0 or rng.random() < 0.5,
    }
    return row


def iter_rows(rows: int, seed: int) -> Iterator[Row]:
    for i in range(rows):
        yield make_row(seed, i)


# --------------------------------------------------------------------------- writers


def write_xlsx(path: Path, rows: Iterator[Row]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Products")
    widths = {"A": 16, "B": 48, "C": 90, "D": 40, "I": 40, "N": 28, "O": 16, "P": 50}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "B2"

    bold = Font(bold=True)
    header: list[Any] = []
    for title in HEADERS:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        header.append(cell)
    ws.append(header)

    # One styled cell per formatted column, re-filled for every row: write-only rows are
    # serialised inside ws.append(), so re-use is safe and skips per-cell style lookups.
    styled: dict[int, Any] = {}
    formats = {
        "SKU": "@",
        "EAN": "@",
        "Price (USD)": PRICE_FORMAT,
        "Sale price (USD)": PRICE_FORMAT,
        "Created": "yyyy-mm-dd",
    }
    for idx, key in enumerate(HEADERS):
        if key in formats:
            cell = WriteOnlyCell(ws)
            cell.number_format = formats[key]
            styled[idx] = cell
        elif key == "Description (HTML)":
            cell = WriteOnlyCell(ws)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            styled[idx] = cell

    count = 0
    for row in rows:
        values: list[Any] = [row[key] for key in HEADERS]
        for idx, cell in styled.items():
            value = values[idx]
            if value is None or value == "":
                values[idx] = None
            else:
                cell.value = value
                values[idx] = cell
        ws.append(values)
        count += 1
    wb.save(path)
    return count


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, rows: Iterator[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADERS)
        for row in rows:
            cells = [_csv_value(row[k]) for k in HEADERS]
            cells[HEADERS.index("Weight (lb)")] = f"{row['Weight (lb)']:.1f}"
            writer.writerow(cells)
            count += 1
    return count


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def write_jsonl(path: Path, rows: Iterator[Row]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for row in rows:
            record = {k: _json_value(row[k]) for k in HEADERS}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


WRITERS: dict[str, Callable[[Path, Iterator[Row]], int]] = {
    "xlsx": write_xlsx,
    "csv": write_csv,
    "jsonl": write_jsonl,
}


def generate(out: Path, rows: int, seed: int = 1, fmt: str | None = None) -> int:
    """Write `rows` products to `out`; the format defaults to the file suffix."""
    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in WRITERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    return WRITERS[fmt](out, iter_rows(rows, seed))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a realistic synthetic product catalog (xlsx, csv or jsonl)."
    )
    parser.add_argument("--rows", type=int, default=400, help="number of products (default 400)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="output file")
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="output format (default: from --out)"
    )
    args = parser.parse_args(argv)
    if args.rows < 0:
        parser.error("--rows must be >= 0")
    try:
        started = time.perf_counter()
        count = generate(args.out, args.rows, args.seed, args.format)
    except ValueError as exc:
        parser.error(str(exc))
    elapsed = time.perf_counter() - started
    print(f"wrote {count} rows to {args.out} in {elapsed:.1f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
