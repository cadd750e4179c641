"""`skyledger sources ...`: the channels, feeds, pages and folders `watch` follows."""

from __future__ import annotations

import json
import sys

import click
from rich.table import Table

from skyledger.cli import cli
from skyledger.cli.options import (
    EXIT_USAGE,
    cells,
    db_option,
    err_console,
    format_option,
    open_ledger,
    out_console,
)
from skyledger.follow.registry import (
    KINDS,
    RegistryError,
    SourceEntry,
    add_source,
    list_sources,
    remove_source,
    set_enabled,
)
from skyledger.records import LANGS
from skyledger.sources.live.poll import Unsupported
from skyledger.sources.live.telegram_api import ENV_API_HASH, ENV_API_ID, login


def usage_error(exc: Exception) -> None:
    err_console().print(f"[red]error:[/red] {exc}")
    sys.exit(EXIT_USAGE)


@cli.group("sources")
def sources_group() -> None:
    """The sources `skyledger watch` follows: Telegram channels, feeds, pages, folders.

    Kinds: rss (an RSS/Atom feed URL), telegram-web (a public channel: @name, t.me/name
    or https://t.me/s/name), telegram-api (a channel through the Telegram API; needs the telegram extra), web (an article
    page URL), folder (a directory where report files are dropped).

    Example: skyledger sources add telegram-web @example_channel --claimant "Governor of Kaluga Oblast"
    """


@sources_group.command("add")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("address")
@db_option
@click.option("--claimant", help="Default claimant for reports whose text names nobody.")
@click.option(
    "--lang", type=click.Choice(LANGS), help="Language the source writes in (else detected)."
)
@click.option("--tz", help="IANA time zone of the source's local times, e.g. Europe/Moscow.")
@click.option(
    "--every", default="5m", show_default=True, help="Polling interval: seconds, or 90s, 5m, 1h."
)
def add(kind, address, db_url, claimant, lang, tz, every) -> None:
    """Follow a source: `watch` polls it from now on.

    Example: skyledger sources add rss https://example.org/news.rss --lang en --every 10m
    """
    with open_ledger(db_url) as ledger:
        try:
            entry = add_source(
                ledger.engine, kind, address, claimant=claimant, lang=lang, tz=tz, every=every
            )
        except RegistryError as exc:
            usage_error(exc)
    click.echo(f"following source {entry.id}: {entry.kind} {entry.name} (every {entry.every} s)")
    if kind == "telegram-api":
        err_console().print(
            "[yellow]note:[/yellow] telegram-api sources use your own Telegram api id and hash: "
            f"install the telegram extra (pip install 'skyledger[telegram]'), set ${ENV_API_ID} and "
            f"${ENV_API_HASH}, and log in once with `skyledger sources telegram-login`."
        )


@sources_group.command("telegram-login")
def telegram_login() -> None:
    """Log in to Telegram once (phone number, code) for telegram-api sources.

    Needs the telegram extra and your api id and hash (https://my.telegram.org) in
    $SKYLEDGER_TELEGRAM_API_ID and $SKYLEDGER_TELEGRAM_API_HASH; the session is saved in
    the user data directory (or $SKYLEDGER_TELEGRAM_SESSION) and used by `watch`.

    Example: skyledger sources telegram-login
    """
    try:
        who = login()
    except Unsupported as exc:
        usage_error(exc)
    click.echo(f"logged in as {who}; telegram-api sources can now be watched")


@sources_group.command("list")
@db_option
@format_option("table", "json")
def list_command(db_url, fmt) -> None:
    """The followed sources with their interval, state and last poll.

    Example: skyledger sources list --format json
    """
    with open_ledger(db_url, create=False) as ledger:
        entries = list_sources(ledger.engine)
    if fmt == "json":
        click.echo(
            json.dumps(
                [entry.as_dict(brief=True) for entry in entries], ensure_ascii=False, indent=2
            )
        )
        return
    if not entries:
        click.echo("no sources followed yet; add one with `skyledger sources add KIND ADDRESS`")
        return
    table = Table(
        "id", "kind", "address", "claimant", "lang", "every", "enabled", "last polled", "status"
    )
    table.columns[2].overflow = "fold"  # addresses are read and copied whole
    for entry in entries:
        table.add_row(
            *cells(
                entry.id,
                entry.kind,
                entry.name,
                entry.claimant or "",
                entry.lang or "",
                f"{entry.every} s",
                "yes" if entry.enabled else "no",
                entry.last_polled.strftime("%Y-%m-%d %H:%M:%S UTC")
                if entry.last_polled
                else "never",
                status(entry),
            )
        )
    out_console().print(table)


def status(entry: SourceEntry) -> str:
    failures = entry.state.get("failures")
    if failures:
        return f"failing ({failures} in a row): {entry.state.get('last_error', '')}"
    return "ok" if entry.last_polled else ""


@sources_group.command("remove")
@click.argument("ref", metavar="ID|ADDRESS")
@db_option
def remove(ref, db_url) -> None:
    """Stop following a source; reports already stored keep their provenance.

    Example: skyledger sources remove 3
    """
    with open_ledger(db_url, create=False) as ledger:
        try:
            entry, deleted = remove_source(ledger.engine, ref)
        except RegistryError as exc:
            usage_error(exc)
    kept = "" if deleted else " (its stored reports stay in the ledger)"
    click.echo(f"no longer following source {entry.id}: {entry.kind} {entry.name}{kept}")


def _switch(ref: str, db_url: str | None, enabled: bool) -> None:
    with open_ledger(db_url, create=False) as ledger:
        try:
            entry = set_enabled(ledger.engine, ref, enabled)
        except RegistryError as exc:
            usage_error(exc)
    click.echo(
        f"source {entry.id} ({entry.kind} {entry.name}) {'enabled' if enabled else 'disabled'}"
    )


@sources_group.command("enable")
@click.argument("ref", metavar="ID|ADDRESS")
@db_option
def enable(ref, db_url) -> None:
    """Poll a disabled source again.

    Example: skyledger sources enable @example_channel
    """
    _switch(ref, db_url, True)


@sources_group.command("disable")
@click.argument("ref", metavar="ID|ADDRESS")
@db_option
def disable(ref, db_url) -> None:
    """Keep a source in the list but stop polling it.

    Example: skyledger sources disable 3
    """
    _switch(ref, db_url, False)
