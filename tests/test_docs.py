"""Docs are part of the contract: every command is documented and the reference is current."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click

from skyledger.cli import load_all

cli = load_all()  # commands load on first use; the docs cover every one

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_cli_reference_is_generated_from_the_real_help():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cli_docs.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_every_command_appears_in_the_readme_with_an_example():
    for name, command in cli.commands.items():
        assert f"skyledger {name}" in README, f"README lacks `skyledger {name}`"
        help_text = command.help or ""
        assert "Example" in help_text or isinstance(command, click.Group), (
            f"{name}: no Example in --help"
        )
