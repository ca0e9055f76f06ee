"""French spacing and elisions, quotation marks and Swiss ss, on realistic catalog text."""

from __future__ import annotations

from tests.rules.contract import Case, RuleContract

NB = "\u00a0"  # no-break space
NN = "\u202f"  # narrow no-break space
CA_SPACING = {"before": {":": "nbsp", ";": "none", "!": "none", "?": "none"}}


class TestFrenchSpacing(RuleContract):
    rule_id = "typography-fr-spacing"
    cases = (
        Case("Matière : coton bio", 1, f"Matière{NB}: coton bio", locale="fr-FR"),
        Case("Matière: coton bio", 1, f"Matière{NB}: coton bio", locale="fr-FR"),
        Case(
            "Livraison offerte ! Pourquoi attendre ?",
            2,
            f"Livraison offerte{NN}! Pourquoi attendre{NN}?",
            locale="fr-FR",
        ),
        Case("Lavable; séchage rapide", 1, f"Lavable{NN}; séchage rapide", locale="fr-FR"),
        Case(
            "Le modèle «Oslo» en chêne",
            2,
            f"Le modèle «{NB}Oslo{NB}» en chêne",
            locale="fr-FR",
        ),
        # Already correct text is left alone.
        Case(f"Dimensions{NB}: 40 × 60 cm{NN}!", 0, locale="fr-FR"),
        Case(f"Le modèle «{NB}Oslo{NB}»", 0, locale="fr-FR"),
        # Times, ratios, URLs with ? and :, e-mail, placeholders, HTML attributes.
        Case("Ouvert de 9:00 à 18:30, écran 16:9", 0, locale="fr-FR"),
        Case("Voir https://shop.example.fr/produit?id=42&ref=a:b", 0, locale="fr-FR"),
        Case(
            '<a href="https://x.fr/?q=1" title="Note: lire">Guide</a>',
            0,
            locale="fr-FR",
            is_html=True,
        ),
        Case("Prix{price}: ⟦0⟧", 1, f"Prix{{price}}{NB}: ⟦0⟧", locale="fr-FR"),
        Case("Contact : info@example.fr", 1, f"Contact{NB}: info@example.fr", locale="fr-FR"),
        Case("Taille&nbsp;: M", 0, locale="fr-FR", is_html=True),
        # A run of marks: only the first one carries the space.
        Case("Incroyable ?!", 1, f"Incroyable{NN}?!", locale="fr-FR"),
        Case("<b>Attention</b>: fragile", 1, f"<b>Attention</b>{NB}: fragile", locale="fr-FR"),
        # Canadian French (OQLF): no space before ; ! ?, a no-break space before :.
        Case("Livraison gratuite !", 1, "Livraison gratuite!", locale="fr-CA"),
        Case("Matière : laine", 1, f"Matière{NB}: laine", locale="fr-CA", params=CA_SPACING),
        Case(f"Prix{NB}: 20 $; taxes en sus!", 0, locale="fr-CA"),
    )


class TestFrenchElision(RuleContract):
    rule_id = "typography-fr-elision"
    cases = (
        Case(
            "La LED consomme 85 % d ’ énergie en moins.",
            1,
            "La LED consomme 85 % d’énergie en moins.",
            locale="fr-FR",
        ),
        Case("À l ’ abri et à l' intérieur", 2, "À l’abri et à l'intérieur", locale="fr-FR"),
        Case("Qu ’ il pleuve, jusqu ’ à 40 °C", 2, "Qu’il pleuve, jusqu’à 40 °C", locale="fr-CA"),
        Case("L’abri, l'idée, aujourd’hui", 0, locale="fr-FR"),
        Case("Le modèle ‘ Oslo ’ est livré", 0, locale="fr-FR"),
        Case("Let ’ s go, it ’ s dry", 0, locale="fr-FR"),
        Case("Voir https://x.fr/l ' a", 0, locale="fr-FR"),
    )


class TestQuotes(RuleContract):
    rule_id = "typography-quotes"
    cases = (
        Case('Die Serie "Nordic" aus Eiche', 1, "Die Serie „Nordic“ aus Eiche"),
        Case('Die Serie "Nordic" aus Eiche', 1, "Die Serie „Nordic“ aus Eiche", locale="de-AT"),
        Case('Die Serie "Nordic" aus Eiche', 1, "Die Serie «Nordic» aus Eiche", locale="de-CH"),
        Case(
            'La gamme "Nordic" en chêne', 1, f"La gamme «{NB}Nordic{NB}» en chêne", locale="fr-FR"
        ),
        Case('The "Nordic" range in oak', 1, "The “Nordic” range in oak", locale="en-GB"),
        Case(
            'The "Nordic" range',
            1,
            "The ‘Nordic’ range",
            locale="en-GB",
            params={"style": "british"},
        ),
        # Apostrophes are never taken for single quotes.
        Case("Children's mug, 'Nordic' range", 0, locale="en-GB", params={"style": "british"}),
        # English curly quotes in a German text.
        Case("Die Serie “Nordic” aus Eiche", 1, "Die Serie „Nordic“ aus Eiche"),
        Case("La gamme „Nordic“", 1, f"La gamme «{NB}Nordic{NB}»", locale="fr-FR"),
        # Inch marks stay, quotes inside tags stay, already-correct text stays.
        Case('Monitor 27" mit 4K, Tablet 10,5"', 0),
        Case('<img src="a.jpg" alt="Sofa"> Bequemes Sofa', 0, is_html=True),
        Case("Die Serie „Nordic“ aus Eiche", 0),
        Case('Fernseher 55" mit "Smart Hub"', 1, 'Fernseher 55" mit „Smart Hub“'),
        # An odd quote cannot be paired safely: reported, not fixed.
        Case('Kissen "Lotta, 40 x 40 cm', 1),
    )


class TestSwissSs(RuleContract):
    rule_id = "swiss-ss"
    cases = (
        Case("Größe: 42, Maße in cm", 2, "Grösse: 42, Masse in cm", locale="de-CH"),
        Case("GROẞE AUSWAHL", 1, "GROSSE AUSWAHL", locale="de-CH"),
        Case("Grösse: 42", 0, locale="de-CH"),
        Case("Siehe https://shop.example.ch/größe", 0, locale="de-CH"),
    )
