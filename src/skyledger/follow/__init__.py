"""Following live sources: the registry of what `watch` polls, and the loop that polls it.

This sits above ingest: the pollers in `skyledger.sources.live` read a source into
Report records, `watch` hands them to `skyledger.ingest`, which stores them, and the
registry keeps each source's state in the ledger. Data flows one way: sources → ingest →
store.
"""
