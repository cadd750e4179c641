"""Parsing untrusted inputs in a separate process, bounded in time and memory.

A page whose one tag has 200,000 attributes keeps libxml2 busy for minutes; a JSON
document that is one 300 MB string makes the JSON parser swallow it whole. Such inputs
are parsed in a parser process of their own: it sends what it parses back as it goes,
must send something within the deadline ($SKYLEDGER_PARSE_TIMEOUT seconds, default 10)
and may use at most MEMORY_LIMIT bytes. An input that overruns either is one failed
input, named with its path; the process is killed and the next input gets a fresh one.
One process serves every input in turn, so ingesting many pages starts it only once.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from skyledger.sources.errors import InputError

PARSE_TIMEOUT_ENV = "SKYLEDGER_PARSE_TIMEOUT"
DEFAULT_PARSE_SECONDS = 10.0
MEMORY_LIMIT = 450 * 2**20  # the parser's heap: a 10 MB page parses within it
BATCH_ITEMS, BATCH_SECONDS = 200, 0.5  # items travel back in batches, at least this often
START_SECONDS = 120.0  # a fresh interpreter importing the parsers, on a busy machine


class ParseFailed(Exception):
    """The parser process overran its deadline or its memory, or died; the message says which."""


def parse_timeout() -> float:
    """Seconds a parse may go without producing anything: $SKYLEDGER_PARSE_TIMEOUT, else 10."""
    raw = os.environ.get(PARSE_TIMEOUT_ENV, "").strip()
    try:
        seconds = float(raw) if raw else DEFAULT_PARSE_SECONDS
    except ValueError:
        return DEFAULT_PARSE_SECONDS
    return seconds if seconds > 0 else DEFAULT_PARSE_SECONDS


class ParserProcess:
    """One long-lived parser process; `run` streams a parse's items back from it."""

    def __init__(self, seconds: float | None = None, memory: int = MEMORY_LIMIT):
        self.seconds = seconds
        self.memory = memory
        self._process = None
        self._conn = None
        self._lock = threading.Lock()  # one parse at a time (the API serves from threads)

    def run(self, parse: Callable[..., Iterable], *args: Any) -> Iterator:
        """The items of `parse(*args)`, parsed in the parser process; ParseFailed on overrun.

        `parse` must be a module-level function and its arguments picklable.
        """
        seconds = self.seconds or parse_timeout()
        with self._lock:
            conn = self._connection()
            finished = False
            try:
                conn.send((parse, args))
                while True:
                    if not conn.poll(seconds):
                        raise ParseFailed(f"parsing took longer than {seconds:g} s; input skipped")
                    kind, payload = conn.recv()
                    if kind == "items":
                        yield from payload
                    elif kind == "done":
                        finished = True
                        return
                    else:
                        finished = True
                        raise ParseFailed(payload)
            except (EOFError, OSError):
                raise ParseFailed("the parser process died while parsing this input") from None
            finally:
                if not finished:  # overrun, died, or the caller stopped reading: start afresh
                    self.close()

    def _connection(self):
        if self._process is None or not self._process.is_alive():
            self.close()
            context = multiprocessing.get_context("spawn")  # no threads or locks inherited
            self._conn, child = context.Pipe()
            self._process = context.Process(
                target=serve, args=(child, self.memory), name="skyledger-parser", daemon=True
            )
            self._process.start()
            child.close()
            # Starting (imports) is not parsing: the deadline counts from the first input.
            try:
                ready = self._conn.poll(START_SECONDS) and self._conn.recv() == ("ready", None)
            except (EOFError, OSError):
                ready = False
            if not ready:
                self.close()
                raise ParseFailed(
                    "the parser process did not start (a script that uses skyledger must "
                    "run its work under `if __name__ == '__main__':`)"
                )
        return self._conn

    def close(self) -> None:
        if self._process is not None and self._process.pid is not None:  # started
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
        if self._conn is not None:
            self._conn.close()
        self._process = self._conn = None


_shared = ParserProcess()
atexit.register(_shared.close)


def run_isolated(parse: Callable[..., Iterable], *args: Any) -> Iterator:
    """`parse(*args)` in the shared parser process; ParseFailed on an overrun."""
    return _shared.run(parse, *args)


def isolated(where: str, parse: Callable[..., Iterable], *args: Any) -> Iterator:
    """`parse(*args)` in the shared parser process; an overrun ends it with an InputError."""
    try:
        yield from run_isolated(parse, *args)
    except ParseFailed as exc:
        yield InputError(where, str(exc))


# the parser process ---------------------------------------------------------------------


def serve(conn, memory: int) -> None:
    """Parse what the caller sends, forever; items go back in batches as they come."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the caller's to handle
    resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    conn.send(("ready", None))
    while True:
        try:
            parse, args = conn.recv()
        except (EOFError, OSError):
            return
        try:
            batch: list = []
            sent = time.monotonic()
            for item in parse(*args):
                batch.append(item)
                if len(batch) >= BATCH_ITEMS or time.monotonic() - sent > BATCH_SECONDS:
                    conn.send(("items", batch))
                    batch, sent = [], time.monotonic()
            conn.send(("items", batch))
            conn.send(("done", None))
        except MemoryError:
            conn.send(("failed", f"parsing needs more than {memory // 2**20} MB; input skipped"))
        except Exception as exc:  # a parser bug: this input fails, the next goes on
            conn.send(("failed", f"cannot parse: {type(exc).__name__}: {exc}"[:500]))
