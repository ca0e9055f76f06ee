"""Two processes write to one project store at the same time and no update is lost."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from polyshelf.store.db import open_store
from polyshelf.store.review import ReviewQueue
from polyshelf.store.tm import TranslationMemory

WRITER = Path(__file__).with_name("concurrent_writer.py")
OPERATIONS = 500


def test_two_processes_lose_nothing(tmp_path: Path) -> None:
    with open_store(tmp_path) as store:
        queue = ReviewQueue(store)
        item_ids = [
            queue.upsert_from_run(
                "nightly.csv",
                f"Products!R{row}!Title#1",
                "de",
                f"Counter {row}",
                "Zähler 0",
                "en-de@2",
                -0.5,
                [],
                "needs_review",
                src_lang="en",
            ).id
            for row in (2, 3)
        ]
    names = ("desktop", "batch")
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                str(WRITER),
                str(tmp_path),
                name,
                str(OPERATIONS),
                *map(str, item_ids),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in names
    ]
    deadline = time.monotonic() + 60
    while not all((tmp_path / f"ready-{n}").exists() for n in names):
        assert time.monotonic() < deadline, "writers did not start"
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.02)
    (tmp_path / "go").touch()
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err

    with open_store(tmp_path) as store:
        tm = TranslationMemory(store)
        queue = ReviewQueue(store)
        assert tm.count() == 2 * OPERATIONS
        for name in names:
            for n in (0, OPERATIONS // 2, OPERATIONS - 1):
                match = tm.exact(f"{name} product {n}: bamboo toothbrush", "en", "de")
                assert match is not None and match.target == f"{name} Produkt {n}"
        edits = [h for i in item_ids for h in queue.history(i) if h.action == "edit"]
        assert len(edits) == 2 * OPERATIONS
        assert {h.who for h in edits} == set(names)
        # every increment saw the previous one: the counters add up to all edits
        total = sum(int(queue.get(i).target.split()[-1]) for i in item_ids)
        assert total == 2 * OPERATIONS
        for i in item_ids:
            steps = [int(h.new_target.split()[-1]) for h in queue.history(i) if h.action == "edit"]
            assert steps == list(range(1, len(steps) + 1))
