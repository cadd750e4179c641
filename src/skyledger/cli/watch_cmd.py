"""`skyledger watch`: follow the registered sources and keep the ledger current."""

from __future__ import annotations

import logging
import signal
import sys
import threading

import click
from sqlalchemy.exc import SQLAlchemyError

from skyledger.cli import cli
from skyledger.cli.options import EXIT_OK, EXIT_SOME_FAILED, db_option, err_console, open_ledger
from skyledger.follow.registry import list_sources
from skyledger.follow.watch import log, watch
from skyledger.sources.live.http import (
    DEFAULT_HOST_INTERVAL,
    DEFAULT_MAX_TIME,
    DEFAULT_TIMEOUT,
    Fetcher,
)
from skyledger.untrusted import printable


def stop_on_signals(stop: threading.Event) -> None:
    """SIGINT and SIGTERM end the loop after the source being polled is stored."""

    def handle(signum, _frame) -> None:
        if stop.is_set():  # asked twice: stop at once; the open transaction rolls back
            raise KeyboardInterrupt
        log.info(
            "%s received: stopping after the current source (again to stop at once)",
            signal.Signals(signum).name,
        )
        stop.set()

    signal.signal(signal.SIGINT, handle)
    signal.signal(signal.SIGTERM, handle)


class PrintableFormatter(logging.Formatter):
    """Log lines name sources and quote servers: their control characters show, never act."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def setup_logging(level: int) -> None:
    """One line per event on stderr (journald adds its own time stamps, we keep ours for files)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(PrintableFormatter("%(asctime)s %(levelname)s %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


@cli.command("watch")
@db_option
@click.option(
    "--once", is_flag=True, help="Poll every enabled source one time, due or not, then exit."
)
@click.option(
    "--timeout",
    default=DEFAULT_TIMEOUT,
    show_default=True,
    type=click.FloatRange(0.1, 600),
    help="Seconds to wait for a server to connect or send anything.",
)
@click.option(
    "--max-time",
    default=DEFAULT_MAX_TIME,
    show_default=True,
    type=click.FloatRange(1, 3600),
    help="Seconds one fetch may take in all (like curl --max-time); a slower source fails "
    "and backs off, the others go on.",
)
@click.option(
    "--host-interval",
    default=DEFAULT_HOST_INTERVAL,
    show_default=True,
    type=click.FloatRange(0, 3600),
    help="Seconds between two requests to the same host.",
)
@click.option("-q", "--quiet", is_flag=True, help="Log only failures.")
def watch_command(db_url, once, timeout, max_time, host_interval, quiet) -> None:
    """Poll the followed sources as they post and store their new reports.

    Each source is polled when its interval has passed; feeds and pages are asked
    for changes only (ETag, Last-Modified), channels from the last post seen, folders
    for new files, so nothing is fetched or stored twice. A failing source is logged
    and retried with a growing pause; the others go on. SIGINT or SIGTERM stops after
    the current source is stored (exit 0). With --once, the exit code is 1 when a
    source failed.

    Example: skyledger watch --once
    """
    setup_logging(logging.WARNING if quiet else logging.INFO)
    stop = threading.Event()
    stop_on_signals(stop)
    with (
        open_ledger(db_url) as ledger,
        Fetcher(
            timeout=timeout, max_time=max_time, host_interval=host_interval, stop=stop
        ) as fetcher,
    ):
        if not list_sources(ledger.engine, enabled_only=True):
            log.warning("no enabled sources; add one with `skyledger sources add KIND ADDRESS`")
        if not once:
            log.info("watching the followed sources; stop with Ctrl-C or SIGTERM")
        try:
            summary = watch(ledger.engine, fetcher, once=once, stop=stop)
        except SQLAlchemyError as exc:
            err_console().print(
                f"[red]error:[/red] ledger {ledger.url}: {exc.__class__.__name__}: {exc}"
            )
            sys.exit(EXIT_SOME_FAILED)
    log.info(
        "%d polls, %d reports stored, %d claims", summary.polls, summary.stored, summary.claims
    )
    sys.exit(EXIT_SOME_FAILED if once and not summary.ok else EXIT_OK)
