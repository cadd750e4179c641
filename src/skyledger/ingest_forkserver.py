"""Imported once by the fork server that local ingest workers fork from (see
skyledger.ingest_engines.start_forkserver): the lexicons, morphology and gazetteer are
loaded there, so every worker starts with them, shared with the server until written,
instead of each worker loading them again (half a second of CPU a worker)."""

from skyledger.ingest_engines import warm_up

warm_up()
