"""Options shared by many commands, written once."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

from skyledger.untrusted import printable

if TYPE_CHECKING:
    from rich.console import Console

    from skyledger.ledger import Ledger

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def db_option(command):
    from skyledger.store import ENV_VAR  # not the database layer: it loads in the commands

    return click.option(
        "--db",
        "db_url",
        envvar=ENV_VAR,
        default=None,
        metavar="URL|PATH",
        help=f"Ledger database: a SQLAlchemy URL or a SQLite file path. Default: ${ENV_VAR}, else a SQLite file in the user data directory.",
    )(command)


def format_option(*choices: str, default: str | None = None):
    def decorate(command):
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default or choices[0],
            show_default=True,
            help="Output format.",
        )(command)

    return decorate


def open_ledger(db_url: str | None, *, create: bool = True) -> Ledger:
    """Open the ledger or exit with a clear message (locked, read-only, bad URL).

    Commands that only read pass `create=False`: a ledger that is not there is an error
    (exit 1), never a new empty one.
    """
    from rich.markup import escape

    from skyledger.ledger import Ledger
    from skyledger.store.db import LedgerError

    try:
        return Ledger(db_url, create=create)
    except LedgerError as exc:
        # the message may quote a path: its brackets are text, its control characters escaped
        err_console().print(f"[red]error:[/red] {escape(printable(str(exc), one_line=True))}")
        sys.exit(EXIT_SOME_FAILED)


def cells(*values: object) -> list[str]:
    """Table cells from stored text: a claimant's escape sequences show, never act."""
    return [printable(str(value)) for value in values]


def print_error(console: Console, message: object) -> None:
    """`error: MESSAGE` on one line, control characters of file names and inputs escaped."""
    console.print(printable(f"error: {message}", one_line=True), markup=False, emoji=False)


def err_console() -> Console:
    from rich.console import Console  # loaded by the commands that print through it

    return Console(stderr=True, highlight=False, soft_wrap=True)


def out_console() -> Console:
    """Standard output; wide tables stay readable when piped to a file or a pager."""
    from rich.console import Console

    console = Console(highlight=False, soft_wrap=True)
    if not console.is_terminal:
        console = Console(highlight=False, soft_wrap=True, width=160)
    return console


# Line separators that JSON leaves raw but many line readers split at (str.splitlines,
# older JavaScript): escaped, so one record stays one line.
LINE_SEPARATORS = {"\u0085": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def jsonl(value) -> str:
    """One JSON Lines record (UTF-8 text kept as it is), without its newline."""
    line = json.dumps(value, ensure_ascii=False)
    for char, escaped in LINE_SEPARATORS.items():
        if char in line:
            line = line.replace(char, escaped)
    return line


def json_line(raw: bytes) -> object:
    """One line of JSON Lines on stdin, or ValueError saying why it cannot be read.

    Beyond invalid JSON: nesting too deep for the parser, and lone surrogates, which
    JSON allows but no UTF-8 output can carry.
    """
    try:
        item = json.loads(raw)
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if may_hold_surrogate(raw):
        try:
            json.dumps(item, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("holds invalid Unicode (a lone surrogate)") from None
    return item


def may_hold_surrogate(raw: bytes | str) -> bool:
    """Can the JSON read from `raw` hold a surrogate? UTF-8 brings one only as a \\u escape
    or as the bytes ED A0-BF (which json.loads lets through); other inputs are checked."""
    if isinstance(raw, str) or not json.detect_encoding(raw).startswith("utf-8"):
        return True
    return b"\\u" in raw or b"\xed" in raw


def checked(check):
    """A click callback that checks a filter value (skyledger.filter_values): a value no
    ledger can match is a usage error naming the nearest valid ones."""

    def callback(_ctx, param, value):
        from skyledger.filter_values import BadFilter  # loads with the commands that filter

        try:
            return check(value, param.name)
        except BadFilter as exc:
            raise click.BadParameter(exc.message) from None

    return callback


TIME_FORMATS = ["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M:%S%z"]


def claim_filter_options(command):
    """--since, --until, --country, --admin1, --weapon, --claim-type, --claimant and -q:
    the filters of claim lists, as the REST API names them. The command receives them as
    keyword arguments; `claim_filters(...)` makes them one checked `Filters`."""
    from skyledger.filter_values import check_admin1, check_country
    from skyledger.records import CLAIM_TYPES, WEAPONS

    options = [
        click.option(
            "--since",
            type=click.DateTime(TIME_FORMATS),
            help="Reports published at or after (UTC).",
        ),
        click.option(
            "--until", type=click.DateTime(TIME_FORMATS), help="Reports published before (UTC)."
        ),
        click.option(
            "--country",
            metavar="CC",
            callback=checked(check_country),
            help="ISO 3166-1 alpha-2, e.g. RU.",
        ),
        click.option(
            "--admin1",
            metavar="CODE",
            callback=checked(check_admin1),
            help="ISO 3166-2, e.g. RU-KLU.",
        ),
        click.option("--weapon", type=click.Choice(WEAPONS)),
        click.option("--claim-type", type=click.Choice(CLAIM_TYPES)),
        click.option("--claimant", help="Claimant, however written (its canonical claimant)."),
        click.option(
            "-q", "q", metavar="WORDS", help="Words that must all occur in the report text."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def claim_filters(*, since=None, until=None, **values):
    """The options of `claim_filter_options` as Filters; times without a zone are UTC, and
    a window that ends before it starts is a usage error."""
    from datetime import UTC

    from skyledger.filter_values import BadFilter, check_window
    from skyledger.store.queries import Filters

    since, until = (t.replace(tzinfo=UTC) if t and t.tzinfo is None else t for t in (since, until))
    try:
        check_window(since, until)
    except BadFilter as exc:
        raise click.BadParameter(exc.message, param_hint="--since") from None
    return Filters(since=since, until=until, **values)
