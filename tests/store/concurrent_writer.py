"""One writer process of the concurrency test (run as a script, not collected by pytest).

Usage: concurrent_writer.py PROJECT NAME OPERATIONS ITEM_ID... ; waits for PROJECT/go first.
Each operation adds one TM entry of its own and increments the shared counter held in the
target text of one shared review item (read-modify-write in one transaction), with an edit
history row per increment.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from polyshelf.store.db import open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory


def main(project: Path, name: str, operations: int, item_ids: list[int]) -> None:
    (project / f"ready-{name}").touch()
    deadline = time.monotonic() + 30
    while not (project / "go").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    with open_store(project) as store:
        tm = TranslationMemory(store)
        queue = ReviewQueue(store)
        for n in range(operations):
            tm.add(f"{name} product {n}: bamboo toothbrush", f"{name} Produkt {n}", "en", "de")
            item_id = item_ids[n % len(item_ids)]
            with store.transaction():
                current = int(queue.get(item_id).target.split()[-1])
                queue.edit(item_id, name, f"Zähler {current + 1}", keep_state=True)
            # Real writers do other work between writes; without a gap one process can take
            # the lock back each time before the other's busy handler wakes up, and the run
            # degenerates into two writers taking turns once instead of interleaving.
            time.sleep(0.001)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), [int(i) for i in sys.argv[4:]])
