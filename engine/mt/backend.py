"""The MT backend interface and its registry."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from polyshelf.errors import ConfigError


@dataclass(frozen=True)
class TranslateOptions:
    beam_size: int = 4
    max_batch_tokens: int = 2048
    max_batch_examples: int = 0  # segments per batch at most; 0: only max_batch_tokens limits
    length_penalty: float = 1.0
    repetition_penalty: float = 1.0
    # Output tokens allowed per input token (plus a constant) before decoding stops.
    max_length_ratio: float = 2.5
    # Hypotheses kept per sentence (at most beam_size): when the best one loses a placeholder,
    # the next one that keeps them all is used before translating piece by piece.
    n_best: int = 4


@dataclass(frozen=True)
class Hypothesis:
    text: str
    score: float  # cumulated log-probability
    n_tokens: int  # output tokens, for the length-normalized score
    hit_length_limit: bool = False  # decoding stopped at the length cap: the text may be cut
    alternatives: tuple[Hypothesis, ...] = ()  # the next best hypotheses, best first

    @property
    def normalized_score(self) -> float:
        return self.score / max(1, self.n_tokens)


class MTBackend(ABC):
    """Translates plain sentences into one target language; loaded lazily."""

    model_id: str
    device: str
    compute_type: str

    @abstractmethod
    def translate(
        self,
        texts: Sequence[str],
        target: str,
        options: TranslateOptions,
        progress: Callable[[int], None] | None = None,
    ) -> list[Hypothesis]: ...

    def count_tokens(self, text: str) -> int:
        return len(text.split())


BackendFactory = Callable[..., MTBackend]
_BACKENDS: dict[str, BackendFactory] = {}


def register_backend(family: str) -> Callable[[BackendFactory], BackendFactory]:
    def add(factory: BackendFactory) -> BackendFactory:
        _BACKENDS[family] = factory
        return factory

    return add


def backend_for(family: str) -> BackendFactory:
    from polyshelf.mt import ctranslate  # noqa: F401  (registers the CTranslate2 families)

    try:
        return _BACKENDS[family]
    except KeyError:
        raise ConfigError(f"no MT backend for model family {family!r}") from None
