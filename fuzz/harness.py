"""What every harness shares: its seeds, the checks on what a parser returns, and running.

A harness module defines `test_one_input(data: bytes)`, which raises only when a parser
misbehaves, and `SEEDS`, files or folders (relative to the repository) of real-looking
inputs. Run as a script it fuzzes with atheris (coverage-guided, libFuzzer's flags);
without atheris it mutates the seeds at random for a while (see fuzz/README.md).
"""

from __future__ import annotations

import contextlib
import random
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # the checkout's code, installed or not

LANGS = (None, "en", "ru", "uk")


def instrumented():
    """Around a harness's imports: under atheris, skyledger's code reports its coverage.

    Only skyledger is instrumented (all of Python's loaded code takes minutes), and
    only when a harness runs as a script: imported by the tests it is left alone.
    """
    if not Path(sys.argv[0]).name.startswith("fuzz_"):
        return contextlib.nullcontext()
    try:
        import atheris
    except ImportError:
        return contextlib.nullcontext()
    return atheris.instrument_imports(include=["skyledger"])


def check_items(items: Iterable) -> list:
    """What a source parser yields: Reports with text and aware times, or InputErrors."""
    from skyledger.ingest import prepare
    from skyledger.records import Report
    from skyledger.sources import InputError
    from skyledger.untrusted import safe_url

    items = list(items)
    for item in items:
        if isinstance(item, Report):
            assert item.text.strip(), item
            assert item.published is None or item.published.tzinfo is not None, item
            assert item.url is None or safe_url(item.url) == item.url, item  # links: http(s)
            assert isinstance(prepare(item), Report | InputError)
        else:
            assert isinstance(item, InputError) and str(item), item
    return items


def lang_and_text(data: bytes) -> tuple[str | None, str]:
    """The first byte picks a language (or none), the rest is the text."""
    if not data:
        return None, ""
    return LANGS[data[0] % len(LANGS)], data[1:].decode("utf-8", errors="replace")


def seed_inputs(seeds: Iterable[str]) -> Iterator[bytes]:
    for name in seeds:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            yield file.read_bytes()


def mutations(seeds: list[bytes], count: int, rng: random.Random) -> Iterator[bytes]:
    """Seeds cut, spliced, with bytes flipped or inserted; and some plain random bytes."""
    pieces = [b"<", b">", b"</p>", b"]]>", b"{", b"}", b'"', b"\\u0000", b"\x00", b"\xff",
              b"&#0;", b"\n", "Сбито 3 БПЛА".encode(), b" drones "]  # fmt: skip
    for _ in range(count):
        data = bytearray(rng.choice(seeds) if seeds and rng.random() < 0.9 else rng.randbytes(64))
        for _ in range(rng.randint(1, 8)):
            where = rng.randint(0, len(data))
            action = rng.random()
            if action < 0.3 and data:
                data[min(where, len(data) - 1)] ^= 1 << rng.randint(0, 7)
            elif action < 0.55:
                data[where:where] = rng.choice(pieces)
            elif action < 0.75:
                del data[where : where + rng.randint(1, 64)]
            elif action < 0.9 and seeds:
                other = rng.choice(seeds)
                start = rng.randint(0, len(other))
                data[where:where] = other[start : start + rng.randint(1, 200)]
            else:
                data = data[:where]
        yield bytes(data)


def inputs(seeds: Iterable[str], count: int, seed: int = 0) -> Iterator[bytes]:
    """The seeds, then `count` mutations of them: the same list every time for a seed."""
    known = list(seed_inputs(seeds))
    yield b""
    yield from known
    yield from mutations(known, count, random.Random(seed))


def run(test_one_input: Callable[[bytes], None], seeds: Iterable[str]) -> None:
    try:
        import atheris
    except ImportError:
        minutes = 5
        print(f"atheris is not installed: mutating the seeds at random for {minutes} min", file=sys.stderr)  # fmt: skip
        deadline = time.monotonic() + 60 * minutes
        for n, data in enumerate(inputs(seeds, 10**9, seed=int(time.time()))):
            test_one_input(data)
            if time.monotonic() > deadline:
                print(f"{n} inputs, no failure", file=sys.stderr)
                return
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
