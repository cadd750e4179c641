"""The extractor's pipeline behind `skyledger.extract.extract`: the language's data, the
stages of rules.py, then claim records with canonical claimants. Loaded on the first
extraction, so that importing skyledger (as a process that only reads or writes the
ledger does) costs none of it."""

from __future__ import annotations

from datetime import datetime

from skyledger.claimants import canonical_name
from skyledger.extract.attribution import harm_after_bulletins, national_totals
from skyledger.extract.confidence import rate
from skyledger.extract.lexicon import lexicon, models_pattern, officials, unnamed_attack
from skyledger.extract.mentions import Draft
from skyledger.extract.places import mark_between, region_of_places, resolve
from skyledger.extract.rules import Extraction
from skyledger.extract.version import EXTRACTOR_VERSION
from skyledger.records import LANGS, Claim

MAX_CHARS = 200_000  # longer inputs are cut: a report is never this long


def extract_claims(
    text: str,
    published: datetime | None = None,
    lang: str | None = None,
    claimant: str | None = None,
) -> list[Claim]:
    """Claims made in `text`, in the order the text makes them."""
    if not isinstance(text, str) or not text.strip():
        return []
    text = text[:MAX_CHARS]
    if lang not in LANGS:
        from skyledger.sources.langid import detect_lang

        lang = detect_lang(text) or "en"
    lex = lexicon(lang)
    models_pattern(), officials()  # built before the first scan, so one pass serves them too
    if not names_means_or_attack(text, lex):
        return []
    extraction = Extraction(text, lex, published, claimant)
    drafts = national_totals(extraction.run(), extraction.all.claimants)
    drafts = harm_after_bulletins(drafts, extraction.sentences)
    return canonical_claimants(to_claims(drafts, text, lang, claimant), text, published)


def names_means_or_attack(text: str, lex) -> bool:
    """A weapon word, a model ("4 Х-101") or an attack of unnamed means ("ворог атакував
    громаду, пошкоджено будинок": the guideline's unspecified attack, weapon `other`)."""
    return bool(
        lex.weapons.search(text)
        or models_pattern()[0].search(text)
        or ((found := unnamed_attack(lex.attack_unnamed)) and found.search(text))
    )


def canonical_claimants(claims: list[Claim], text: str, published: datetime | None) -> list[Claim]:
    """Each claimant under its canonical name (skyledger.claimants); the text's own wording
    of it, where the text names one, stays in `claimant_text` beside its evidence span."""
    for claim in claims:
        span = claim.evidence.get("claimant")
        if span:
            claim.claimant_text = text[span[0] : span[1]]
        claim.claimant = canonical_name(claim.claimant, published)
    return claims


def to_claims(
    drafts: list[Draft], text: str, lang: str, default_claimant: str | None
) -> list[Claim]:
    drafts = [d for d in drafts if not d.cumulative]
    children: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.parent is not None:
            children.setdefault(id(draft.parent), []).append(draft)
    ids = {id(d): f"c{i}" for i, d in enumerate(drafts)}
    claims = []
    for draft in drafts:
        mention = draft.claimant
        admin1 = draft.admin1
        kids = children.get(id(draft), [])
        if (
            admin1 is None
            and draft.sea is None
            and not kids
            and draft.uncertain_region
            and mention
            and mention.admin1
        ):
            admin1 = mention.admin1
        country = admin1[:2] if admin1 else None
        if admin1 is None and draft.sea is None:
            if kids:
                parts = {k.admin1[:2] if k.admin1 else None for k in kids}
                country = parts.pop() if len(parts) == 1 else None
            elif mention is not None:
                country = mention.country
        places = [p for p in draft.places]
        if draft.sea:
            places = [sea_place(draft)] + places
        places = [resolve(p, draft.sentence.text, lang, admin1) for p in places]
        places = mark_between(places, draft.sentence.text, draft.sentence.start, lang)
        if admin1 is None and draft.sea is None and not kids:
            admin1 = region_of_places(places) or admin1
            country = admin1[:2] if admin1 else country
        evidence = dict(draft.evidence)
        if mention is not None and mention.end > mention.start and mention.claimant != "(outlet)":
            evidence["claimant"] = (mention.start, mention.end)
        claims.append(
            Claim(
                id=ids[id(draft)],
                claimant=(mention.claimant if mention else None) or default_claimant,
                claim_type=draft.claim_type,
                weapon=draft.weapon,
                model=draft.model,
                count=draft.count,
                count_qualifier=draft.qualifier if draft.count is not None else "unspecified",
                country=country,
                admin1=admin1,
                region_text=draft.region_text,
                places=places,
                window_start=draft.window[0] if draft.window else None,
                window_end=draft.window[1] if draft.window else None,
                killed=draft.killed,
                injured=draft.injured,
                parent=ids.get(id(draft.parent)) if draft.parent is not None else None,
                cumulative=draft.cumulative,
                evidence=evidence,
                confidence=rate(
                    draft, kids, children.get(id(draft.parent)) if draft.parent else None
                ),
                extractor_version=EXTRACTOR_VERSION,
            )
        )
    return claims


def sea_place(draft: Draft):
    from skyledger.records import PlaceMention

    span = draft.evidence.get("sea")
    return PlaceMention(
        text=draft.region_text or draft.sea, normal=draft.sea, span=span, geo_precision="water"
    )
