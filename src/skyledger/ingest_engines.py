"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each engine is a `BatchMap` (see skyledger.ingest): it takes batches of reports and
yields every batch with its outcomes in input order, keeping at most IN_FLIGHT
batches submitted, so memory stays bounded however large the input. A batch is split
into one chunk per worker so that even a single batch keeps every worker busy. Only
the calling process reads inputs and writes the ledger; workers extract, geocode and pack
each claim as the row the ledger stores, so the results are those of the single-process
path and the caller only writes.

Dask is imported only when its engine is asked for: the base install works without it.
"""

from __future__ import annotations

import gc
import json
import math
import multiprocessing
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from importlib import resources
from multiprocessing import forkserver
from typing import TYPE_CHECKING

from skyledger.collection import fewer_collections
from skyledger.extract import extract

if TYPE_CHECKING:  # the ledger's modules load after the fork server has started
    from skyledger.ingest import Batch, BatchMap, Outcome
    from skyledger.records import Claim, Report

    ExtractOne = Callable[[Report], list[Claim]]
    Collect = Callable[[], list[Outcome]]

ENGINES = ("local", "dask")
EVENT_MODES = ("batch", "deferred")  # events brought up to date after each batch, or at the end
LOCAL_SCHEDULER = "local"  # --scheduler local: a Dask cluster on this machine
LOCAL_DASHBOARD = "127.0.0.1:0"  # its status pages on a free port, never a fixed one
IN_FLIGHT = 3  # batches submitted ahead: workers keep extracting while the caller writes
# Workers fork from a fresh server process that imported skyledger once (safe with threads
# in the caller); where there is no fork, they start as fresh interpreters.
START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


class EngineError(Exception):
    """Extraction workers cannot be started or reached, or were lost mid-way."""


class EngineUnavailable(EngineError):
    """The engine needs an optional dependency that is not installed (a usage error)."""


class ExtractionError(Exception):
    """Why one report's extraction failed, sent back from a worker (any error pickles as this)."""


# worker side ------------------------------------------------------------------


_warmed_up = False


def warm_up() -> None:
    """Load lexicons, morphology and the gazetteer once, by extracting the bundled bulletins,
    then keep what is loaded out of the garbage collector's sight; later calls do nothing.

    Only for processes skyledger runs itself (workers, the ingest command): the language
    data lives as long as the process, and without the freeze every full collection walks
    its 100,000-odd objects again, a fifth of the time of a look-up in the gazetteer.
    """
    global _warmed_up
    if _warmed_up:
        return
    _warmed_up = True
    samples = resources.files("skyledger.samples").joinpath("bulletins.jsonl")
    for line in samples.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except ValueError:  # the samples show a broken line on purpose
            continue
        extract(record.get("text") or "", lang=record.get("lang"))
    out_of_collection()


def out_of_collection() -> None:
    """Keep every object loaded so far (modules, language data, the ledger's schema) out of
    the garbage collector's sight: a process that allocates as fast as an ingest runs full
    collections, and each would walk them all again (a twentieth of the ingest's own work).
    Only for processes skyledger runs itself."""
    gc.collect()
    gc.freeze()
    fewer_collections()


def start_worker(caller: int | None = None) -> None:
    """A local worker: Ctrl-C is the caller's to handle, it ends with the caller, then it
    loads what extraction needs."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if caller is not None:
        threading.Thread(target=exit_when_gone, args=(caller,), daemon=True).start()
    warm_up()


def exit_when_gone(pid: int, every: float = 1.0) -> None:
    """End this worker once process `pid` has ended.

    A caller killed (SIGTERM, SIGKILL) never shuts its pool down, and its workers, children
    of the fork server, would otherwise wait for work forever.
    """
    try:
        handle = os.pidfd_open(pid)
    except (AttributeError, OSError):  # no pidfd here: look every second
        while _alive(pid):
            time.sleep(every)
    else:
        select.select([handle], [], [])  # readable once the process has exited
    os._exit(0)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def extract_chunk(reports: list[Report], extract_one: ExtractOne | None = None) -> list[Outcome]:
    """Claims for each report (by `extract_one`, by default the extractor), packed as the
    ledger writes them (plain tuples, cheap to send back), or the error it raised; one bad
    report never stops the rest."""
    from skyledger.ingest import claims_for
    from skyledger.reconcile.timing import claim_bucket
    from skyledger.store.bulk import packed

    extract_one = extract_one or claims_for
    outcomes: list[Outcome] = []
    for report in reports:
        try:
            outcomes.append(packed(report, extract_one(report), claim_bucket))
        except Exception as exc:
            outcomes.append(ExtractionError(str(exc)))
    return outcomes


# caller side ------------------------------------------------------------------


def split(reports: list[Report], parts: int) -> list[list[Report]]:
    """Consecutive chunks, at most `parts` of them, sizes differing by at most one."""
    if not reports:
        return []
    size = math.ceil(len(reports) / max(1, parts))
    return [reports[start : start + size] for start in range(0, len(reports), size)]


def ordered(
    batches: Iterable[Batch], submit: Callable[[list[Report]], Collect], in_flight: int = IN_FLIGHT
) -> Iterator[tuple[Batch, list[Outcome]]]:
    """Submit batches ahead (at most `in_flight`) and yield their outcomes in input order."""
    queue: deque[tuple[Batch, Collect]] = deque()
    for batch in batches:
        queue.append((batch, submit(batch.reports)))
        if len(queue) >= in_flight:
            done, collect = queue.popleft()
            yield done, collect()
    while queue:
        done, collect = queue.popleft()
        yield done, collect()


def start_forkserver() -> None:
    """Start the server that workers fork from (it imports skyledger and loads the language
    data once: skyledger.ingest_forkserver), deaf to Ctrl-C from its first moment, as its
    workers will be: an ignored signal survives exec and fork."""
    forkserver.set_forkserver_preload([__name__, "skyledger.ingest_forkserver"])
    if threading.current_thread() is not threading.main_thread():
        forkserver.ensure_running()  # signal handlers can only be changed in the main thread
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        forkserver.ensure_running()
    finally:
        signal.signal(signal.SIGINT, previous)


def start_early(engine: str, workers: int) -> None:
    """Start the fork server of local workers now, when they will be needed: it loads the
    language data (about a second of CPU) while this process opens the ledger and reads
    its first batch, instead of after."""
    if engine == "local" and workers > 1 and START_METHOD == "forkserver":
        start_forkserver()


@contextmanager
def process_pool(workers: int, extract_one: ExtractOne | None = None) -> Iterator[BatchMap]:
    """Extraction in `workers` local processes, each loading its language data once."""
    if START_METHOD == "forkserver":
        start_forkserver()
    context = multiprocessing.get_context(START_METHOD)
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(),),
    )

    def submit(reports: list[Report]) -> Collect:
        futures = [
            pool.submit(extract_chunk, chunk, extract_one) for chunk in split(reports, workers)
        ]

        def collect() -> list[Outcome]:
            try:
                return [outcome for future in futures for outcome in future.result()]
            except BrokenProcessPool as exc:
                raise EngineError(f"an extraction worker process died: {exc}") from exc

        return collect

    try:
        yield lambda batches: ordered(batches, submit)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def import_distributed():
    """The `distributed` package, or EngineUnavailable naming the extra to install."""
    try:
        import distributed
    except ImportError as exc:
        raise EngineUnavailable(
            "the dask engine needs Dask: pip install 'skyledger[dask]'"
        ) from exc
    return distributed


@contextmanager
def dask_client(scheduler: str | None, workers: int):
    """A client of the scheduler at `scheduler`, or of a new local cluster of `workers` processes."""
    distributed = import_distributed()
    if scheduler in (None, "", LOCAL_SCHEDULER):
        cluster = distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=LOCAL_DASHBOARD,
        )
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(scheduler)
    except (OSError, TimeoutError, ValueError) as exc:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    with client:
        yield client


@contextmanager
def dask_map(
    scheduler: str | None, workers: int = 1, extract_one: ExtractOne | None = None
) -> Iterator[BatchMap]:
    """Extraction on a Dask cluster: chunks of each batch mapped over its workers."""
    with dask_client(scheduler, workers) as client:
        try:  # before any task, so the threads of one worker never race to load
            client.run(warm_up)
        except Exception as exc:  # skyledger missing on a worker, say
            raise EngineError(f"the Dask workers cannot run skyledger's extractor: {exc}") from exc
        threads = max(1, sum(client.nthreads().values()))

        def submit(reports: list[Report]) -> Collect:
            chunks = split(reports, threads)
            futures = client.map(extract_chunk, chunks, extract_one=extract_one, pure=False)

            def collect() -> list[Outcome]:
                try:
                    results = client.gather(futures)
                except Exception as exc:  # a lost worker, a scheduler gone away
                    raise EngineError(f"extraction on the Dask cluster failed: {exc}") from exc
                return [outcome for chunk in results for outcome in chunk]

            return collect

        yield lambda batches: ordered(batches, submit)


def require_engine(engine: str) -> None:
    """Fail early, before any ledger is touched, when `engine` cannot run here."""
    if engine not in ENGINES:
        raise EngineUnavailable(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine == "dask":
        import_distributed()


@contextmanager
def batch_map(
    engine: str = "local", workers: int = 1, scheduler: str | None = None
) -> Iterator[BatchMap | None]:
    """The BatchMap for an engine; None (extract in this process) for one local worker."""
    require_engine(engine)
    if engine == "dask":
        with dask_map(scheduler, workers) as run:
            yield run
    elif scheduler:
        raise ValueError("a scheduler address needs engine='dask'")
    elif workers > 1:
        with process_pool(workers) as run:
            yield run
    else:
        yield None
