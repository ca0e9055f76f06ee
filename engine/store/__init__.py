"""Project store: translation memory, review queue and routing in one SQLite database."""

from __future__ import annotations

from polyshelf.store.db import Store, open_store
from polyshelf.store.review import ReviewItem, ReviewQueue
from polyshelf.store.routing import RoutingPolicy, load_routing
from polyshelf.store.tm import TMEntry, TMMatch, TranslationMemory

__all__ = [
    "ReviewItem",
    "ReviewQueue",
    "RoutingPolicy",
    "Store",
    "TMEntry",
    "TMMatch",
    "TranslationMemory",
    "load_routing",
    "open_store",
]
