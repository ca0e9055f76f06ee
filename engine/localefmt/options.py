"""The per-target settings every localefmt renderer takes."""

from __future__ import annotations

from dataclasses import dataclass

from polyshelf.errors import ConfigError
from polyshelf.localefmt.numbers import babel_locale
from polyshelf.localefmt.rates import RatesTable

SIZE_SYSTEMS = ("US", "UK", "EU")


@dataclass(frozen=True)
class LocaleOptions:
    """How to render for one target market.

    ``locale`` is a CLDR locale such as ``de-DE`` or ``fr_FR``. ``metric`` switches imperial
    measurements to metric (off: numbers are only reformatted). ``currency`` is the currency prices
    are converted into, and only when ``rates`` knows the rate. ``size_system`` (US/UK/EU) is the
    system size columns are converted into; None leaves sizes as they are.
    """

    locale: str
    metric: bool = True
    rates: RatesTable | None = None
    currency: str | None = None
    size_system: str | None = None

    def __post_init__(self) -> None:
        babel_locale(self.locale)  # raises ConfigError on an unknown locale
        if self.currency is not None and not (
            len(self.currency) == 3 and self.currency.isalpha() and self.currency.isupper()
        ):
            raise ConfigError(
                f"target currency must be an ISO code like EUR, got {self.currency!r}"
            )
        if self.size_system is not None and self.size_system not in SIZE_SYSTEMS:
            raise ConfigError(
                f"size system must be one of {', '.join(SIZE_SYSTEMS)}, got {self.size_system!r}"
            )
