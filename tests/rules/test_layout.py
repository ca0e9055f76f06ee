"""Field length, whitespace and final punctuation."""

from __future__ import annotations

from tests.rules.contract import Case, RuleContract

LONG_TITLE = "Ergonomischer Bürostuhl mit verstellbarer Lordosenstütze " * 3


class TestMaxLength(RuleContract):
    rule_id = "max-length"
    cases = (
        Case(LONG_TITLE, 1, column="Title"),
        Case(LONG_TITLE, 1, column="title"),
        Case(LONG_TITLE[:150], 0, column="Title"),
        Case("x" * 161, 1, column="Meta description (DE)"),
        Case("x" * 61, 1, column="Meta title"),
        Case(LONG_TITLE, 0, column="Description"),
        Case(LONG_TITLE, 0, column="Title", locale="xx-YY"),
    )


class TestWhitespace(RuleContract):
    rule_id = "whitespace"
    cases = (
        Case("Blaue  Tasse aus  Steingut", 2, "Blaue Tasse aus Steingut", source="Blue mug"),
        Case(" Blaue Tasse ", 2, "Blaue Tasse", source="Blue mug"),
        Case("Blaue Tasse", 1, "Blaue Tasse ", source="Blue mug "),
        Case("\nBlaue Tasse", 1, "Blaue Tasse", source="Blue mug"),
        Case("Blaue Tasse\n", 0, source="Blue mug\n"),
        # Spaces inside attributes and a text that is only whitespace are left alone.
        Case('<img alt="a  b"> Tasse', 0, source='<img alt="a  b"> Mug', is_html=True),
        Case("   ", 0, source=""),
        Case("Maße:\n  40 cm", 0, source="Size:\n  40 cm"),
    )


class TestPunctuationEnd(RuleContract):
    rule_id = "punctuation-end"
    cases = (
        Case("Spülmaschinenfest", 1, "Spülmaschinenfest.", source="Dishwasher safe."),
        Case(
            "<p>Spülmaschinenfest</p>",
            1,
            "<p>Spülmaschinenfest.</p>",
            source="<p>Dishwasher safe.</p>",
        ),
        Case("Jetzt bestellen", 1, source="Order now!"),
        Case("Blaue Tasse.", 1, fixed="Blaue Tasse", source="Blue mug"),
        Case("Kabel, Stecker usw.", 1, source="Cables, plugs etc"),
        Case("Lampe inkl.", 1, source="Lamp incl"),
        Case("Jetzt bestellen.", 1, source="Order now!"),
        Case("Spülmaschinenfest.", 0, source="Dishwasher safe."),
        Case("Mehr dazu…", 0, source="More..."),
        Case(f"Vraiment{chr(0x202F)}?", 0, source="Really?", locale="fr-FR"),
        Case("Preis ⟦0⟧", 1, source="Price {price}."),
        Case("", 0, source="Dishwasher safe."),
    )
