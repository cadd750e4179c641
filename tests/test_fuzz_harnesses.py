"""The fuzz harnesses in fuzz/ run, so they cannot rot: one per parser, each over its seeds
and a fixed set of their mutations (seconds), and under atheris for a few hundred runs
when atheris is installed (the dev extra pins it)."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import cli_env

FUZZ = Path(__file__).resolve().parents[1] / "fuzz"
HARNESSES = sorted(path.stem for path in FUZZ.glob("fuzz_*.py"))
PARSERS = {
    "fuzz_telegram_export": "Telegram Desktop exports",
    "fuzz_feed": "RSS and Atom feeds",
    "fuzz_html": "saved HTML pages",
    "fuzz_jsonl": "JSON Lines",
    "fuzz_text": "plain text, and any file by suffix",
    "fuzz_telegram_web": "the Telegram preview page parser",
    "fuzz_extract": "the extractor",
    "fuzz_geo": "the geocoder and its mention parser",
}
MUTATIONS = {"fuzz_html": 60, "fuzz_extract": 120}  # the slow parsers get fewer
HAS_ATHERIS = importlib.util.find_spec("atheris") is not None


def harness(name: str):
    if str(FUZZ) not in sys.path:
        sys.path.insert(0, str(FUZZ))
    return importlib.import_module(name)


def test_every_parser_has_a_harness_and_the_readme_names_it():
    assert sorted(PARSERS) == HARNESSES
    readme = (FUZZ / "README.md").read_text(encoding="utf-8")
    assert [name for name in HARNESSES if f"{name}.py" not in readme] == []


@pytest.mark.parametrize("name", HARNESSES)
def test_harness_over_seeds_and_mutations(name):
    module = harness(name)
    support = harness("harness")
    seeds = list(support.seed_inputs(module.SEEDS))
    assert seeds, f"{name} has no seed inputs"
    count = 0
    for data in support.inputs(module.SEEDS, MUTATIONS.get(name, 250), seed=1):
        module.test_one_input(data)
        count += 1
    assert count > len(seeds)


def test_mutations_are_the_same_every_run():
    support = harness("harness")
    seeds = ("fuzz/seeds/geo",)
    assert list(support.inputs(seeds, 50, seed=3)) == list(support.inputs(seeds, 50, seed=3))
    assert list(support.inputs(seeds, 50, seed=3)) != list(support.inputs(seeds, 50, seed=4))


@pytest.mark.skipif(not HAS_ATHERIS, reason="atheris is not installed")
@pytest.mark.parametrize("name", HARNESSES)
def test_harness_under_atheris(tmp_path, name):
    result = subprocess.run(
        [sys.executable, str(FUZZ / f"{name}.py"), "-runs=300", "-seed=1", "-max_len=4096",
         str(tmp_path), str(FUZZ / "seeds")],
        capture_output=True, text=True, env=cli_env(), timeout=300, cwd=FUZZ.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 300 runs" in result.stderr
