"""`--help` works on every command, including commands other modules add later."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from skyledger.cli import cli


def every_command(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> list[tuple[tuple[str, ...], click.Command]]:
    found = []
    ctx = click.Context(group)
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        found.append(((*prefix, name), command))
        if isinstance(command, click.Group):
            found.extend(every_command(command, (*prefix, name)))
    return found


COMMANDS = every_command(cli)
IDS = [" ".join(path) for path, _ in COMMANDS]


def test_core_commands_are_registered():
    assert {"ingest", "stats", "extract", "demo"} <= set(IDS)


@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_top_level_help_lists_commands(flag):
    result = CliRunner().invoke(cli, [flag], prog_name="skyledger")
    assert result.exit_code == 0, result.output
    assert "Usage: skyledger" in result.output
    for path, _ in COMMANDS:
        if len(path) == 1:
            assert path[0] in result.output


@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=IDS)
def test_help(path, command):
    result = CliRunner().invoke(cli, [*path, "--help"], prog_name="skyledger")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: skyledger {' '.join(path)}")


@pytest.mark.parametrize(
    ("path", "command"),
    [(p, c) for p, c in COMMANDS if not isinstance(c, click.Group)],
    ids=[" ".join(p) for p, c in COMMANDS if not isinstance(c, click.Group)],
)
def test_docstring_ends_with_an_example(path, command):
    lines = [line.strip() for line in (command.help or "").strip().splitlines() if line.strip()]
    assert lines and lines[-1].startswith("Example:"), (
        f"`skyledger {' '.join(path)}` needs an Example: line"
    )
    assert f"skyledger {path[0]}" in lines[-1]


def test_version():
    result = CliRunner().invoke(cli, ["--version"], prog_name="skyledger")
    assert result.exit_code == 0
    assert result.output.startswith("skyledger, version ")


def test_help_in_a_real_process(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0
    assert "ingest" in result.stdout and result.stderr == ""


@pytest.mark.parametrize(
    "args", [["no-such-command"], ["ingest"], ["stats", "extra"], ["--no-such-option"]]
)
def test_usage_errors_exit_2(args):
    result = CliRunner().invoke(cli, args, prog_name="skyledger")
    assert result.exit_code == 2, result.output
    assert "Usage:" in result.stderr
