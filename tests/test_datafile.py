"""The stored parses of the package's YAML files: current, and the same values a parse gives."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from skyledger.datafile import parse_yaml, parsed_store, read_yaml

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = sorted((ROOT / "src" / "skyledger").rglob("*.yaml"))


def build_script():
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts/build_parsed_yaml.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_store_holds_every_data_file_as_it_is_now():
    assert parsed_store() == build_script().stored_parses(), "run scripts/build_parsed_yaml.py"


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_a_stored_parse_is_the_files_parse(path):
    text = path.read_text("utf-8")
    assert repr(read_yaml(text)) == repr(parse_yaml(text))  # repr: 1, 1.0 and True apart


def test_each_read_is_a_copy_of_its_own():
    text = (ROOT / "src/skyledger/extract/lang/models.yaml").read_text("utf-8")
    first = read_yaml(text)
    assert first == read_yaml(text) and first is not read_yaml(text)


def test_a_changed_file_is_parsed():
    assert read_yaml("words: [one, 2]\n") == {"words": ["one", 2]}
