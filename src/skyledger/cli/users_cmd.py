"""`skyledger users`: the people who review claims, each with a role and a token.

A module of its own, so that `skyledger users` is found in a fresh process (each
command's module is imported when the command is asked for).
"""

from __future__ import annotations

import click

from skyledger.cli import cli
from skyledger.cli.options import EXIT_USAGE, db_option, err_console, open_ledger, print_error
from skyledger.untrusted import printable
from skyledger.users import ROLES, UserError


@cli.group("users")
def users_group() -> None:
    """People who review claims; each has a role and a token."""


@users_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="reviewer", show_default=True)
@db_option
def users_add(name: str, role: str, db_url: str | None) -> None:
    """Register NAME and print their token, once: the ledger keeps only its hash.

    The token goes in `Authorization: Bearer TOKEN` for the REST API's writes.

    Example: skyledger users add "Anna K" --role reviewer
    """
    with open_ledger(db_url) as ledger:
        try:
            token = ledger.add_user(name, role)
        except UserError as exc:
            print_error(err_console(), exc)
            raise SystemExit(EXIT_USAGE) from exc
    err_console().print(
        printable(f"{name} added as {role}; the token is shown this once:", one_line=True),
        markup=False,
    )
    click.echo(token)


@users_group.command("list")
@db_option
def users_list(db_url: str | None) -> None:
    """Names and roles (never tokens).

    Example: skyledger users list
    """
    from skyledger.users import list_users

    with open_ledger(db_url, create=False) as ledger:
        for user in list_users(ledger.engine):
            click.echo(f"{printable(user.name, one_line=True)}\t{user.role}")
