"""The `skyledger` command: a thin layer over the Python API.

Exit codes: 0 all good; 1 some inputs failed (the rest was processed); 2 usage error.
Each command lives in its own `*_cmd` module, found and imported below.
"""

from __future__ import annotations

import click
from sqlalchemy.exc import SQLAlchemyError

from skyledger import __version__
from skyledger.store.db import condition, describe


class Commands(click.Group):
    """The command group; a ledger that fails under a command ends it with a clear error."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except SQLAlchemyError as exc:
            # Locked, read-only or full in the middle of a command (events updated, a
            # source registered): say so instead of a traceback. Anything else is a bug.
            if condition(exc) is None:
                raise
            click.echo(f"error: cannot use the ledger: {describe(exc)}", err=True)
            ctx.exit(1)


@click.group(
    cls=Commands, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, prog_name="skyledger")
def cli() -> None:
    """skyledger: a ledger of claims about aerial attacks, with provenance.

    Reads official statements and news reports (English, Russian, Ukrainian),
    extracts who claimed what (drones and missiles launched, shot down, hitting
    targets; debris, damage, casualties), geocodes and stores the claims.
    """


def main() -> None:
    cli(prog_name="skyledger")


def _register_commands() -> None:
    """Import every `*_cmd` module here; each one registers its command(s) on `cli`."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        if module.name.endswith("_cmd"):
            importlib.import_module(f"{__name__}.{module.name}")


_register_commands()
