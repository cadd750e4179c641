"""How often the garbage collector runs in processes skyledger runs itself (extraction, workers)."""

from __future__ import annotations

import gc

# Objects made before a young collection runs: a report's extraction makes tens of thousands
# that die with it, and at the default (700) the collector walks the survivors dozens of times
# a report; few of them form cycles, so rarer collections keep memory as it was.
YOUNG_THRESHOLD = 50_000


def fewer_collections() -> None:
    """Collect the young generation every YOUNG_THRESHOLD allocations, not every 700."""
    _young, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)
