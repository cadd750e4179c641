"""Whether two drafts are one claim said twice, or two claims."""

from __future__ import annotations

from skyledger.extract.attribution import SAME_EVENT
from skyledger.extract.mentions import (
    Draft,
)


def opens_recap(claimants: list, index: int) -> bool:
    """The sentence opens the outlet's own account after someone else's ("Нагадаємо, …")."""
    mine = claimants[index]
    before = claimants[index - 1] if index else None
    return (
        mine is not None
        and mine.claimant == "(outlet)"
        and mine.title != SAME_EVENT
        and before is not None
        and before.claimant != "(outlet)"
    )


def another_event(draft: Draft) -> bool:
    """ "Ещё один дрон ударил", "another drone hit": a second strike, never a restatement of
    the first (debris of one more is added to the count instead)."""
    return draft.again and draft.claim_type != "debris"


def fpv_apart(a: Draft, b: Draft) -> bool:
    """A strike by an FPV drone and one by a drone of another (or no named) type are two
    incidents: FPV drones strike at short range, one target each, unlike the long-range
    drones of a raid ("дрон атаковал автомобиль ... FPV-дрон ударил по дому"), when told in
    sentences of their own."""
    return (
        a.claim_type == b.claim_type == "hit"
        and (a.model == "FPV") != (b.model == "FPV")
        and a.sentence is not b.sentence
    )


def none_hurt_apart(killed, injured):
    """ "No one was hurt" and a figure of people hurt are two statements (another incident, a
    later count): neither is merged into the other."""
    zero = not killed and not injured

    def apart(draft: Draft) -> bool:
        return draft.claim_type == "casualties" and (not draft.killed and not draft.injured) != zero

    return apart


def known(draft: Draft) -> set:
    return {p.normal for p in draft.places}


def listed_apart(a: Draft, b: Draft) -> bool:
    """Two lines of one list ("▪️БпЛА типу «Ланцет»", "▪️БпЛА"): separate items, never one claim."""
    return a.sentence.bullet and b.sentence.bullet


def claimant_of(draft: Draft) -> str | None:
    return draft.claimant.claimant if draft.claimant else None


def headline_placed_by(headline: Draft, draft: Draft) -> bool:
    """A figure in the opening line, with no region and no speaker, and the same figure said
    next with its region."""
    return (
        headline.sentence.paragraph == 0
        and headline.sentence.line_start
        and headline.claimant is None
        and headline.admin1 is None
        and headline.sea is None
        and draft.admin1 is not None
        and headline.count is not None
        and (headline.claim_type, headline.weapon, headline.count)
        == (draft.claim_type, draft.weapon, draft.count)
        and (None in (headline.model, draft.model) or headline.model == draft.model)
    )


def headline_one_counted_by(headline: Draft, draft: Draft) -> bool:
    """A headline's weapon in the singular ("Беспилотник атаковал завод", "Дрон влучив у
    будинок"), with no figure and no speaker, and the body's figure for the same strike ("два
    беспилотника атаковали …"): the singular names the kind, the body counts it."""
    return (
        headline.sentence.start == 0
        and headline.sentence.line_start
        and headline.claimant is None
        and headline.count == 1
        and "count" not in headline.evidence
        and draft.count is not None
        and draft.count > 1
        and (headline.claim_type, headline.weapon, headline.admin1)
        == (draft.claim_type, draft.weapon, draft.admin1)
    )


def headline_debris_counted_by(headline: Draft, draft: Draft) -> bool:
    """A headline's debris with no figure ("Drone fragments found in Moldova") and the body's
    debris of one weapon ("Fragments of a drone were discovered near Ocnita"): one find, the
    body's count and place."""
    return (
        draft.sentence.paragraph > headline.sentence.paragraph
        and headline.claim_type == draft.claim_type == "debris"
        and headline.weapon == draft.weapon
        and headline.count is None
        and draft.count is not None
        and headline.admin1 in (None, draft.admin1)
        and headline.sea is None
        and same_voice(headline.claimant, draft.claimant)
    )


HEADLINE_RESTATED = ("hit", "damage", "debris", "launched", "destroyed")


def headline_told_again(drafts: list[Draft]) -> list[Draft]:
    """A headline's claim with no figure and no speaker of its own ("Chernihiv: drones hit
    energy facility") and the body's claim of the same type and weapon in that region: one
    claim, the body's (whoever the body names first, the headline is not theirs)."""
    if not drafts:
        return drafts
    first = min(d.sentence.start for d in drafts)
    kept = []
    for draft in drafts:
        body = (
            [
                other
                for other in drafts
                if other.sentence.paragraph > draft.sentence.paragraph
                and (other.claim_type, other.weapon, other.model)
                == (draft.claim_type, draft.weapon, draft.model)
                and draft.admin1 in (None, other.admin1)
            ]
            if bare_headline(draft, first)
            else []
        )
        if body and (draft.admin1 is not None or len({o.admin1 for o in body}) == 1):
            body[0].places.extend(p for p in draft.places if p.normal not in known(body[0]))
            continue
        kept.append(draft)
    return kept


def bare_headline(draft: Draft, first: int) -> bool:
    """A claim of the first line that tells any (a byline may stand before it), with no
    closing stop, no figure and nobody named in it."""
    sentence = draft.sentence
    return (
        sentence.start == first
        and sentence.line_start
        and not sentence.text.rstrip().endswith((".", "!", "?"))
        and draft.count is None
        and draft.claim_type in HEADLINE_RESTATED
        and not (draft.claimant is not None and draft.claimant.start < sentence.end)
    )


def same_key(a: Draft, b: Draft) -> bool:
    return (
        a.claim_type == b.claim_type
        and a.weapon == b.weapon
        and a.admin1 == b.admin1
        and a.sea == b.sea
        and a.count == b.count
        and (a.model == b.model or (None in (a.model, b.model) and not listed_apart(a, b)))
        and same_voice(a.claimant, b.claimant)
        and a.count is not None
    )


def same_voice(a, b) -> bool:
    """The same claimant, or two national offices of one country (a lead and its quoted
    bulletin), or a lead naming nobody and the speaker whose figure it repeats."""
    if a is None or b is None or a.claimant == b.claimant:
        return True
    return (
        a is not None
        and b is not None
        and a.kind == b.kind == "office"
        and a.country == b.country
        and "(outlet)" not in (a.claimant, b.claimant)
    )


def within_series(drafts: list[Draft]) -> list[Draft]:
    """An ordinal counts a series told one by one ("сбит беспилотник … ещё двух … Сбит
    четвертый беспилотник", "пятый за день беспилотник"): the series so far is one claim of
    that many, so the counts of the same claim told beside it are its parts, dropped. After
    weapons of the same kind told of as another claim, as many as come before it ("четыре
    ракеты сбиты, пятая ракета попала в дом"), the ordinal numbers the raid: one weapon."""
    ordinals = [d for d in drafts if d.ordinal]
    if not ordinals:
        return drafts
    dropped = set()
    for series in ordinals:
        others = [
            d
            for d in drafts
            if d is not series
            and d.claim_type != series.claim_type
            and d.claim_type not in ("damage", "casualties", "debris")
            and d.weapon == series.weapon
            and d.count is not None
            and d.sentence.start < series.sentence.start
            and same_voice(d.claimant, series.claimant)
        ]
        if others and sum(d.count for d in others) == series.count - 1:
            series.count = 1
            continue
        for draft in drafts:
            if (
                draft is not series
                and not draft.ordinal
                and (draft.claim_type, draft.weapon, draft.admin1, draft.sea)
                == (series.claim_type, series.weapon, series.admin1, series.sea)
                and (draft.count is None or draft.count < series.count)
                and same_voice(draft.claimant, series.claimant)
            ):
                dropped.add(id(draft))
    return [d for d in drafts if id(d) not in dropped]
