"""Reconciliation: claims about the same happening -> events with low/best/high.

`update_events(engine)` reconciles every queued claim (event_id NULL); the rules
are documented in timing.py (buckets), grouping.py (events, repeats, parents) and
figures.py (low, best, high, conflict).
"""

from skyledger.reconcile.store import (
    UpdateSummary,
    event_rows,
    events_by_id,
    events_of_new_claims,
    reports_carrying,
    update_events,
)

__all__ = [
    "UpdateSummary",
    "event_rows",
    "events_by_id",
    "events_of_new_claims",
    "reports_carrying",
    "update_events",
]
