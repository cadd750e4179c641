"""The seed report must come out exactly as its gold annotation (first line of the dev corpus)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skyledger.extract import EXTRACTOR_VERSION, extract

DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "dev.jsonl"


@pytest.fixture(scope="module")
def seed() -> dict:
    if not DEV.exists():
        pytest.skip("dev corpus not available")
    with open(DEV, encoding="utf-8") as handle:
        return json.loads(handle.readline())


def test_seed_claims_equal_gold(seed):
    claims = extract(seed["text"], published=None, lang=seed["lang"])
    assert [c.gold_view() for c in claims] == seed["claims"]


def test_seed_breakdown_points_at_its_total(seed):
    claims = extract(seed["text"], lang=seed["lang"])
    total = next(c for c in claims if c.count == 20)
    assert [c.parent for c in claims if c.claimant == total.claimant and c is not total] == [
        total.id
    ] * 3
    assert all(c.extractor_version == EXTRACTOR_VERSION for c in claims)
    assert all(c.id == f"c{i}" for i, c in enumerate(claims))


def test_seed_evidence_spans(seed):
    text = seed["text"]
    claims = extract(text, lang=seed["lang"])
    for claim in claims:
        start, end = claim.evidence["claim"]
        assert 0 <= start < end <= len(text)
    debris = next(c for c in claims if c.claim_type == "debris")
    assert [text[slice(*p.span)] for p in debris.places] == ["Kirishi", "Budogoshch"]
    assert "Drozdenko" in text[slice(*debris.evidence["claimant"])]
