"""Catalog texts that a bilingual file must carry byte for byte."""

from __future__ import annotations

from polyshelf.interchange import BilingualDocument, BilingualUnit

# (id, source, target)
TRICKY_TEXTS: list[tuple[str, str, str]] = [
    ("plain", "Soft cotton cover, 40×40 cm", "Weicher Baumwollbezug, 40×40 cm"),
    ("bold", "Soft <b>cotton</b> cover", "Weicher <b>Baumwoll</b>bezug"),
    (
        "link-attrs",
        'See <a href="x?a=1&amp;b=2" title=\'Size "M"\'>size guide</a> for fit.',
        'Siehe <a href="x?a=1&amp;b=2" title=\'Size "M"\'>Größentabelle</a>.',
    ),
    (
        "nested",
        '<span class="hl"><b>New</b> <i>in</i></span> stock',
        '<span class="hl"><b>Neu</b> <i>auf</i></span> Lager',
    ),
    ("void-br", "Machine washable<br/>Tumble dry low<br>Do not iron", "Waschbar<br/>Trockner<br>"),
    ("entities", "Tom &amp; Jerry &lt;3 &#8211; caf&eacute;&nbsp;set", "Tom &amp; Jerry&nbsp;Set"),
    (
        "raw-specials",
        "Size < 40 & weight > 2 kg, \"quoted\" 'single'",
        "Größe < 40 & Gewicht > 2 kg",
    ),
    ("emoji-rtl", "Gift 🎁 for you 👍🏽", "هدية 🎁 لك 👍🏽 — מתנה"),
    ("spaces", "  leading and trailing  ", "  vorne und hinten  "),
    ("newlines", "Line one\nLine two\r\nLine three\rend", "Zeile eins\nZeile zwei\r\n"),
    ("tabs", "Col\tvalue\t", "Spalte\tWert\t"),
    ("empty-target", "Not translated yet", ""),
    ("brackets", "Placeholder ⟦1⟧ and ⟦/1⟧ stay text", "Platzhalter ⟦1⟧ und ⟦/1⟧"),
    ("controls", "Bell\x07 and \x0bvertical tab\x00", "Glocke\x07\x0b\x00"),
    ("unpaired", "Opens <i>here and closes </b> there", "Öffnet <i>hier </b> dort"),
    ("crossing", "<b>bold <i>both</b> italic</i>", "<b>fett <i>beides</b> kursiv</i>"),
    ("comment", "Before<!-- note: <b> keep -->after", "Vorher<!-- note: <b> keep -->danach"),
    ("cdata-like", "a ]]> b and <![CDATA[x]]>", "a ]]> b"),
    ("multiline-tag", '<a\r\nhref="x">Link</a>', '<a\r\nhref="x">Verweis</a>'),
    ("reordered", "<b>Red</b> <i>shirt</i>", "<i>Hemd</i> in <b>Rot</b>"),
    ("added-code", "Plain text", "Text mit <b>Betonung</b>"),
    ("nonchar", "odd \ufffe \uffff end", "\ufffe"),
    ("astral-and-nbsp", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢\u00a0\u200b\u2028x", "𝔘\u00a0x"),
]

STATES = ["draft", "needs_review", "approved", "rejected", "needs_rewriting", "auto_approved", ""]


def tricky_document() -> BilingualDocument:
    units = [
        BilingualUnit(
            id=unit_id,
            source=source,
            target=target,
            src_lang="en",
            tgt_lang="de-DE",
            state=STATES[index % len(STATES)],
            note="Row note: keep <b> & units\nsecond line" if index % 3 == 0 else "",
            context=(("sheet", "Products"), ("row", str(index + 2)), ("column", "Description"))
            if index % 2 == 0
            else (),
        )
        for index, (unit_id, source, target) in enumerate(TRICKY_TEXTS)
    ]
    return BilingualDocument("en", "de-DE", units, original="catalog spring 2024.xlsx")
