"""Formality of address and capitalisation."""

from __future__ import annotations

from tests.rules.contract import Case, RuleContract

INFORMAL = {"level": "informal"}


class TestFormality(RuleContract):
    rule_id = "formality"
    cases = (
        Case("Mit dieser Tasse startest du entspannt in den Tag.", 1),
        Case("Dein neues Lieblingskissen – für dich gemacht.", 2),
        Case("Ihr habt die Wahl: drei Farben.", 1),
        # Formal "Ihr" and possessive "ihr" are fine in a formal market.
        Case("Ihr neues Lieblingskissen wartet auf Sie.", 0),
        Case("Die Marke und ihr Duft: frisch und leicht.", 0),
        Case("Produziert in der Dusche? Nein: Duschvorhang aus Polyester.", 0),
        Case("Sie erhalten Ihre Bestellung in 2 Tagen.", 0),
        Case("Sie erhalten Ihre Bestellung.", 1, params=INFORMAL),
        Case("Starte mit deinem Set.", 0, params=INFORMAL),
        Case("Offre-toi ce pull, tu vas l'adorer.", 2, locale="fr-FR"),
        Case("Ton nouveau sac t'attend.", 2, locale="fr-FR"),
        Case("Un pull ton sur ton, le ton pastel de la saison.", 0, locale="fr-FR"),
        Case("Découvrez votre nouveau sac.", 0, locale="fr-FR"),
        Case("Découvrez votre nouveau sac.", 1, locale="fr-FR", params=INFORMAL),
        # No formality in the pack: nothing to check.
        Case("You will love your new bag.", 0, locale="en-GB"),
    )


class TestCapitalisation(RuleContract):
    rule_id = "capitalisation"
    cases = (
        Case(
            "blaue Tasse aus Steingut", 1, "Blaue Tasse aus Steingut", source="Blue stoneware mug"
        ),
        Case(
            "<p><b>blaue</b> Tasse</p>",
            1,
            "<p><b>Blaue</b> Tasse</p>",
            source="<p><b>Blue</b> mug</p>",
            is_html=True,
        ),
        Case("⟦0⟧ blaue Tasse", 1, "⟦0⟧ Blaue Tasse", source="⟦0⟧ Blue mug"),
        Case("„blaue“ Tasse", 1, "„Blaue“ Tasse", source='"Blue" mug'),
        # Brands written lower-case, and sources that start lower-case, are left alone.
        Case("iPhone-Hülle aus Leder", 0, source="Leather IPhone case"),
        Case("eBay-Verkäufer", 0, source="Ebay seller"),
        Case("blaue Tasse", 0, source="blue mug"),
        Case("Blaue Tasse", 0, source="Blue mug"),
        Case("HOCHWERTIGE TASSE AUS STEINGUT", 1, source="High-quality stoneware mug"),
        Case("NEU: USB-C Ladekabel", 0, source="NEW: USB-C charging cable"),
        Case("HOCHWERTIGE TASSE", 0, source="HIGH-QUALITY MUG"),
    )
