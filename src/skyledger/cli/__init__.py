"""The `skyledger` command: a thin layer over the Python API.

Exit codes: 0 all good; 1 some inputs failed (the rest was processed); 2 usage error.
Each command lives in its own module and registers itself on `cli` below.
"""

from __future__ import annotations

import click

from skyledger import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="skyledger")
def cli() -> None:
    """skyledger: a ledger of claims about aerial attacks, with provenance.

    Reads official statements and news reports (English, Russian, Ukrainian),
    extracts who claimed what (drones and missiles launched, shot down, hitting
    targets; debris, damage, casualties), geocodes and stores the claims.
    """


def main() -> None:
    cli(prog_name="skyledger")


# Commands register themselves on import.
from skyledger.cli import demo, export_cmd, extract_cmd, ingest_cmd, serve_cmd, stats_cmd  # noqa: E402,F401
