"""Errors about input, always naming where the bad input is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """One input that could not be read; the batch goes on without it."""

    path: str
    message: str
    line: int | None = None  # 1-based line of a JSON Lines file
    record: str | None = None  # message id or entry id inside a file

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f", line {self.line}"
        if self.record is not None:
            where += f", record {self.record}"
        return f"{where}: {self.message}"
