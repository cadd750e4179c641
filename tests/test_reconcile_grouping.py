"""Events from claims, without a database: a table of small scenarios."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from reconcile_cases import at
from skyledger.reconcile.grouping import (
    Fact,
    build_events,
    figure_statements,
    merge_repeats,
    report_statements,
)

BUCKET = "2025-06-02|destroyed|uav"
_ids = iter(range(1, 10**6))


def fact(
    report: str, claimant: str | None, count: int | None, admin1: str | None = "RU-BRY", **extra
) -> Fact:
    extra.setdefault("published", at("2025-06-02T08:00:00+03:00"))
    extra.setdefault("claim_id", next(_ids))
    extra.setdefault("country", "RU")
    return Fact(report_hash=report, seq=extra.pop("seq", 0), claim_type="destroyed", weapon="uav",
                claimant=claimant, admin1=admin1, count=count, **extra)  # fmt: skip


def summary(drafts) -> list[tuple]:
    return [
        (d.key.split("|", 3)[3], d.low, d.best, d.high, d.conflict, len(d.statements))
        for d in drafts
    ]


def test_one_statement_in_three_outlets_and_two_languages_is_counted_once():
    drafts = build_events(BUCKET, [
        fact("r1", "Минобороны России", 7),
        fact("r2", "Russian Ministry of Defense", 7),
        fact("r3", "Министерство обороны РФ", 7),
    ])  # fmt: skip
    assert summary(drafts) == [("RU-BRY|*", 7, 7, 7, False, 1)]
    assert len(drafts[0].statements[0].facts) == 3


def test_an_office_named_with_and_without_its_holder_is_one_claimant():
    drafts = build_events(BUCKET, [
        fact("r1", "Mayor of Kyiv", 5, admin1="UA-30", seq=0),
        fact("r1", "Mayor of Kyiv Vitali Klitschko", 5, admin1="UA-30", seq=1),
        fact("r2", "Мэр Киева Виталий Кличко", 5, admin1="UA-30"),
    ])  # fmt: skip
    assert summary(drafts) == [("UA-30|*", 5, 5, 5, False, 1)]


def test_two_claimants_disagreeing_give_one_event_with_conflict():
    drafts = build_events(
        BUCKET, [fact("r1", "Governor of Bryansk Oblast", 9), fact("r2", "Минобороны России", 7)]
    )
    assert summary(drafts) == [("RU-BRY|*", 7, 7, 9, True, 2)]
    agrees = {s.lead.claimant: s.agrees for s in drafts[0].statements}
    assert agrees == {"Governor of Bryansk Oblast": False, "Минобороны России": True}


def test_a_claimants_update_replaces_its_earlier_figure():
    drafts = build_events(BUCKET, [
        fact("r1", "Governor of Bryansk Oblast", 3, published=at("2025-06-02T02:00+03:00")),
        fact("r2", "Governor of Bryansk Oblast", 5, published=at("2025-06-02T06:00+03:00")),
    ])  # fmt: skip
    assert summary(drafts) == [("RU-BRY|*", 5, 5, 5, False, 2)]
    assert [s.superseded for s in drafts[0].statements] == [True, False]


def test_non_overlapping_windows_are_two_events():
    night = {
        "window_start": at("2025-06-01T20:00+03:00"),
        "window_end": at("2025-06-01T23:00+03:00"),
    }
    later = {
        "window_start": at("2025-06-01T23:00+03:00"),
        "window_end": at("2025-06-02T07:00+03:00"),
    }
    drafts = build_events(BUCKET, [
        fact("r1", "Russian Ministry of Defense", 4, **night),
        fact("r2", "Russian Ministry of Defense", 6, **later),
        fact("r3", "Governor of Bryansk Oblast", 6, published=at("2025-06-02T07:30+03:00")),
    ])  # fmt: skip
    assert summary(drafts) == [
        ("RU-BRY|20250601T1700Z", 4, 4, 4, False, 1),
        ("RU-BRY|20250601T2000Z", 6, 6, 6, False, 2),  # the governor joins the nearer window
    ]


def test_claims_of_one_report_without_a_model_restate_one_figure_and_the_last_stands():
    drafts = build_events(BUCKET, [fact("r1", "Mayor of Moscow", 2, seq=0, admin1="RU-MOW"),
                                   fact("r1", "Mayor of Moscow", 16, seq=1, admin1="RU-MOW")])  # fmt: skip
    assert summary(drafts) == [("RU-MOW|*", 16, 16, 16, False, 1)]


def test_per_model_claims_of_one_report_add_up_and_agree_with_another_claimants_total():
    oblast = "Kharkiv Oblast Military Administration"
    drafts = build_events(BUCKET, [
        fact("r1", oblast, 4, admin1="UA-63", seq=0, model="Shahed-136"),
        fact("r1", oblast, 1, admin1="UA-63", seq=1, model="Gerbera"),
        fact("r2", "Air Force of the Armed Forces of Ukraine", 5, admin1="UA-63"),
    ])  # fmt: skip
    assert summary(drafts) == [("UA-63|*", 5, 5, 5, False, 2)]
    assert [len(s.parts) for s in drafts[0].statements] == [2, 1]
    assert all(s.agrees for s in drafts[0].statements)


def test_a_total_beside_its_per_model_parts_is_never_added_to_them():
    cases = [  # (figures in report order, the statement's figure)
        ([(5, None), (10, "KAB")], 10),  # "at least five bombs", then "at least ten KABs"
        ([(4, "Shahed-136"), (1, "Molniya"), (5, "FPV"), (1, None)], 10),
        ([(9, None), (4, "Shahed-136"), (5, "Gerbera")], 9),
        ([(3, "Shahed-136"), (4, "Shahed-136")], 4),  # the same model restated: the last stands
    ]
    for figures, expected in cases:
        facts = [fact("r1", "Governor of Bryansk Oblast", count, seq=i, model=model)
                 for i, (count, model) in enumerate(figures)]  # fmt: skip
        assert build_events(BUCKET, facts)[0].best == expected, figures


def test_a_claim_whose_total_is_in_the_same_report_and_area_is_not_added_again():
    total = fact("r1", "Governor of Bryansk Oblast", 9, seq=0)
    part = fact("r1", "Governor of Bryansk Oblast", 3, seq=1, parent_claim_id=total.claim_id)
    drafts = build_events(BUCKET, [total, part])
    assert summary(drafts) == [("RU-BRY|*", 9, 9, 9, False, 1)]
    assert drafts[0].statements[0].facts == [total, part]  # the part is still cited


def test_a_part_with_no_region_lies_in_its_totals_area():
    """A sea's part of a national total ("3 — над акваторией Азовского моря") is inside the
    total, not a total of no country of its own."""
    total = fact("r1", "Russian Ministry of Defense", 46, admin1=None, seq=0)
    land = fact(
        "r1",
        "Russian Ministry of Defense",
        43,
        admin1="RU-KLU",
        seq=1,
        parent_claim_id=total.claim_id,
    )
    sea = fact(
        "r1",
        "Russian Ministry of Defense",
        3,
        admin1=None,
        country=None,
        seq=2,
        parent_claim_id=total.claim_id,
    )
    drafts = build_events(BUCKET, [total, land, sea])  # fmt: skip
    assert summary(drafts) == [
        ("RU-KLU|*", 43, 43, 43, False, 1),
        ("total:RU|*", 46, 46, 46, False, 1),
    ]
    assert drafts[1].statements[0].facts == [total, sea]  # the sea's part is still cited


def test_a_repost_of_the_parts_is_the_same_statement_and_a_later_total_replaces_it():
    drafts = build_events(BUCKET, [
        fact("r1", "Governor of Bryansk Oblast", 4, seq=0, model="Shahed-136",
             published=at("2025-06-02T02:00+03:00")),
        fact("r1", "Governor of Bryansk Oblast", 1, seq=1, model="Gerbera",
             published=at("2025-06-02T02:00+03:00")),
        fact("r2", "Губернатор Брянской области", 5, published=at("2025-06-02T03:00+03:00")),
        fact("r3", "Governor of Bryansk Oblast", 7, published=at("2025-06-02T09:00+03:00")),
    ])  # fmt: skip
    assert summary(drafts) == [("RU-BRY|*", 7, 7, 7, False, 2)]
    first, update = drafts[0].statements
    assert (first.report_hashes, first.superseded, update.superseded) == ({"r1", "r2"}, True, False)


def test_regions_link_to_their_total_explicitly_or_by_nesting():
    total = fact("r1", "Russian Ministry of Defense", 20, admin1=None, seq=0)
    drafts = build_events(BUCKET, [
        total,
        fact("r1", "Russian Ministry of Defense", 12, admin1="RU-KLU", parent_claim_id=total.claim_id, seq=1),
        fact("r2", "Governor of Kursk Oblast", 3, admin1="RU-KRS"),
        fact("r3", "Kharkiv Oblast Military Administration", 3, admin1="UA-63"),
    ])  # fmt: skip
    parents = {d.key.split("|", 3)[3]: d.parent_key for d in drafts}
    assert parents == {
        "RU-KLU|*": f"{BUCKET}|total:RU|*",
        "RU-KRS|*": f"{BUCKET}|total:RU|*",  # nested: Kursk lies inside the Russian total
        "UA-63|*": None,
        "total:RU|*": None,
    }


def test_casualty_figures_conflict_when_claimants_differ():
    base = {"count": None}
    drafts = build_events("2025-06-02|casualties|uav", [
        fact("r1", "Governor of Bryansk Oblast", killed=0, injured=2, **base),
        fact("r2", "Some outlet (outlet)", killed=0, injured=3, **base),
    ])  # fmt: skip
    assert (drafts[0].killed, drafts[0].injured, drafts[0].conflict) == (0, 2, True)


SCENARIO = [
    fact("a", "Минобороны России", 7),
    fact("b", "Russian Ministry of Defense", 7, published=at("2025-06-02T09:00+03:00")),
    fact("c", "Governor of Bryansk Oblast", 9),
    fact("d", "Governor of Bryansk Oblast", 11, published=at("2025-06-02T11:00+03:00")),
    fact("e", "Russian Ministry of Defense", 30, admin1=None, seq=0),
    fact("e", "Russian Ministry of Defense", 20, admin1="RU-KLU", seq=1),
    fact("f", "Губернатор Калужской области", 21, admin1="RU-KLU", published=None),
    fact("g", "Russian Ministry of Defense", 5, window_start=at("2025-06-02T08:00+03:00"),
         window_end=at("2025-06-02T14:00+03:00")),
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.permutations(SCENARIO))
def test_any_order_gives_the_same_events(order):
    def view(drafts):
        return [
            (d.key, d.low, d.best, d.high, d.conflict, d.parent_key,
             [sorted((f.report_hash, f.seq) for f in s.facts) for s in d.statements])
            for d in drafts
        ]  # fmt: skip

    assert view(build_events(BUCKET, order)) == view(build_events(BUCKET, SCENARIO))


def test_one_statement_has_the_figures_of_the_general_rule():
    """Most events hold one statement and skip the comparison of claimants' figures; what
    they get must be what the comparison would give them."""
    cases = [
        [fact("r1", "Governor of Bryansk Oblast", 7)],
        [fact("r1", "Governor of Bryansk Oblast", None, killed=1, injured=None)],
        [fact("r1", "Russian Ministry of Defense", 4, model="Shahed", seq=0),
         fact("r1", "Russian Ministry of Defense", 1, model="Gerbera", seq=1)],
        [fact("r1", "Governor of Bryansk Oblast", 3, injured=2),
         fact("r2", "Governor of Bryansk Oblast", 3, injured=2)],  # a repost: one statement
    ]  # fmt: skip
    for facts in cases:
        (draft,) = build_events(BUCKET, facts)
        assert len(draft.statements) == 1
        general = replace(draft, low=None, best=None, high=None, killed=None, injured=None)
        figure_statements(general, draft.statements)
        figures = ("low", "best", "high", "conflict", "killed", "injured")
        assert [getattr(draft, f) for f in figures] == [getattr(general, f) for f in figures]
        (statement,) = draft.statements
        assert (statement.agrees, statement.superseded) == (True, False)


def pairwise_repeats(facts: list[Fact]) -> list[list[Fact]]:
    """Repeats grouped by comparing each statement with every earlier one: the rule
    `merge_repeats` applies by key."""
    merged: list = []
    for candidate in report_statements(facts):
        for statement in merged:
            if (
                statement.lead.who == candidate.lead.who
                and statement.lead.admin1 == candidate.lead.admin1
                and statement.figures == candidate.figures
                and not statement.report_hashes & candidate.report_hashes
            ):
                statement.facts.extend(candidate.facts)
                break
        else:
            merged.append(candidate)
    return [statement.facts for statement in merged]


CLAIMANTS = ["Governor of Bryansk Oblast", "Губернатор Брянской области", "Some outlet (outlet)"]
repeated_statements = st.lists(
    st.tuples(
        st.sampled_from("abcdef"),  # report
        st.sampled_from(CLAIMANTS),
        st.sampled_from([None, 3, 5]),  # count
        st.sampled_from(["RU-BRY", "RU-KRS"]),
    ),
    max_size=30,
)


@settings(max_examples=200, deadline=None)
@given(repeated_statements)
def test_repeats_are_grouped_as_the_pairwise_rule_groups_them(rows):
    """Many reposts of one bucket: looked up by key, they group as comparing every pair
    of statements would group them."""
    facts = [
        fact(report, claimant, count, admin1, seq=seq)
        for seq, (report, claimant, count, admin1) in enumerate(rows)
    ]
    assert [s.facts for s in merge_repeats(facts)] == pairwise_repeats(facts)
