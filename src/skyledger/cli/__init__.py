"""The `skyledger` command: a thin layer over the Python API.

Exit codes: 0 all good; 1 some inputs failed (the rest was processed); 2 usage error.
Each command lives in its own `*_cmd` module, found and imported below.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from skyledger import __version__


class Commands(click.Group):
    """The command group; a ledger that fails under a command ends it with a clear error.

    Each command's module (`<name>_cmd`) is imported when the command is asked for, so
    `skyledger extract` starts without the database layer the ledger commands need.
    """

    def get_command(self, ctx: click.Context, cmd_name: str):
        if cmd_name not in self.commands and cmd_name in command_modules():
            importlib.import_module(f"{__name__}.{cmd_name}_cmd")
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        load_all()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            # Locked, read-only or full in the middle of a command (events updated, a
            # source registered): say so instead of a traceback. Anything else is a bug.
            # (No database error can come from a command that never loaded the database.)
            errors = sys.modules.get("sqlalchemy.exc")
            if errors is None or not isinstance(exc, errors.SQLAlchemyError):
                raise
            from skyledger.store.db import condition, describe

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


def command_modules() -> list[str]:
    """Command names, one `<name>_cmd` module each; the module registers it on `cli`."""
    return [
        module.name.removesuffix("_cmd")
        for module in pkgutil.iter_modules(__path__)
        if module.name.endswith("_cmd")
    ]


def load_all() -> click.Group:
    """Import every command module (for listings and the docs); returns `cli`."""
    for name in command_modules():
        importlib.import_module(f"{__name__}.{name}_cmd")
    return cli
