"""Briefings written from a ledger: attributed figures, conflicts, quotes, footnotes."""

from __future__ import annotations

import re
from datetime import date

import pytest

from reconcile_cases import KALUGA, bryansk_batches, ledger_with, seed_batch
from skyledger.brief import brief
from skyledger.brief.render import markdown_text
from skyledger.brief.wording import casualty_phrase, claim_phrase, claimant_in_sentence
from skyledger.reconcile import update_events
from skyledger.records import Claim, Report, Source


@pytest.fixture
def engine(sqlite_url):
    engine = ledger_with(sqlite_url, seed_batch() + bryansk_batches())
    update_events(engine)
    yield engine
    engine.dispose()


def test_seed_kaluga_brief_states_both_figures_with_their_claimants(engine):
    text = brief(engine, area="RU-KLU", fmt="md")
    assert re.search(
        r"Governor of Kaluga Oblast Vladislav Shapsha reported 11 UAVs destroyed over Kaluga Oblast\[\^\d+\]; "
        r"the Russian Ministry of Defense counted 10\[\^\d+\]",
        text,
    )
    # side by side in the disagreements, before anything else is listed
    assert (
        "- **UAVs destroyed over Kaluga Oblast** (date unknown): "
        "Governor of Kaluga Oblast Vladislav Shapsha: **11**[^1] · "
        "the Russian Ministry of Defense: **10**[^2]"
    ) in text
    assert (
        "- **Casualties in Kaluga Oblast**: Governor of Kaluga Oblast Vladislav Shapsha: **none**"
        in text
    )
    assert re.search(
        r"20 UAVs destroyed over Russia\[\^\d+\], of which 10\[\^\d+\] in Kaluga Oblast", text
    )
    assert "Bryansk" not in text.split("## Context")[0]  # other regions stay out of an area's brief


def test_every_footnote_reference_has_its_note_and_each_note_its_articles(engine):
    text = brief(engine, fmt="md")
    body, sources = text.split("## Sources")
    notes, articles = sources.split("### Articles")
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    noted = re.findall(r"^\[\^(\d+)\]: .*: articles? ([\d, ]+)\.", notes, flags=re.MULTILINE)
    assert cited == {n for n, _ in noted}
    listed = re.findall(r"^(\d+)\. \[([^\]]+)\]\(<(https://[^>]+)>\)", articles, re.MULTILINE)
    assert {n for _, numbers in noted for n in numbers.split(", ")} == {n for n, _, _ in listed}


def test_each_article_is_cited_once_by_its_outlet_with_its_address(engine):
    text = brief(engine, fmt="md")
    links = re.findall(r"\]\(<?(https://[^>)]+)>?\)", text)
    assert links and len(links) == len(set(links))  # the MoD bulletin: one entry, not three
    assert "1. [tass.example](<https://tass.example/" in text
    html = brief(engine, fmt="html")
    assert len(re.findall(r'<a href="https://tass\.example/', html)) == 1
    assert re.search(
        r'<li id="article-\d+"><a href="https://tass\.example/[^"]+"[^>]*>tass\.example</a>', html
    )


def test_repeats_are_counted_once_and_the_original_wording_is_quoted(engine):
    text = brief(engine, day=date(2025, 6, 2), area="RU-BRY", fmt="md")
    assert "7 UAVs destroyed over Bryansk Oblast" in text
    assert "(carried by 3 reports)" in text
    assert "; Governor of Bryansk Oblast Alexander Bogomaz counted 9" in text
    assert "In the original Russian: «уничтожены 9 беспилотников»" in text
    assert "2025-06-03" not in text.split("## Sources")[0]


def sections(text: str) -> list[str]:
    return re.findall(r"^## (.+)$", text, flags=re.M)


def test_a_lead_paragraph_says_who_claimed_what_over_which_days(engine):
    text = brief(engine, fmt="md")
    lead = text.split("\n\n")[2]  # after the title and the attribution line
    assert lead.startswith(
        "The Russian Ministry of Defense, Governor of Kaluga Oblast Vladislav Shapsha, "
        "Governor of Bryansk Oblast Alexander Bogomaz and Governor of Leningrad Oblast Alexander Drozdenko "
        "made 10 claims about 8 events between 2025-06-02 and 2025-06-03; "
        "6 of the events have no known date."
    )
    assert (
        "The largest figures claimed: 20 UAVs destroyed over Russia (the Russian Ministry of Defense, date unknown); 9 UAVs destroyed over Bryansk Oblast (Governor of Bryansk Oblast Alexander Bogomaz, 2025-06-02)"
        in lead
    )
    assert (
        "Claimants disagree on 2 events: The Russian Ministry of Defense reported 7 UAVs destroyed over Bryansk Oblast"
        in lead
    )


def test_disagreements_come_first_then_days_then_undated(engine):
    text = brief(engine, fmt="md")
    assert sections(text) == [
        "Where claimants disagree",
        "2025-06-03",
        "Claims without a known date",
        "Sources",
    ]
    day = text.split("## 2025-06-03")[1].split("## ")[0]
    # one line per claim, its claimants' figures side by side
    assert (
        day.strip()
        == "- **UAVs destroyed over Bryansk Oblast**: the Russian Ministry of Defense: **4**[^5]"
    )
    assert (
        "20**[^10], of which 10[^4] in Kaluga Oblast"
        in text.split("## Claims without a known date")[1]
    )


def test_a_day_with_agreement_only_says_no_one_disagrees(engine):
    text = brief(engine, day=date(2025, 6, 3), fmt="md")
    assert "No two claimants give different figures for the same event." in text
    assert "Where claimants disagree" not in text
    assert "made 1 claim about 1 event on 2025-06-03." in text


HOSTILE = "Governor *of* [Kaluga](javascript:alert(1)) <img src=x onerror=alert(1)>\x1b]0;x\x07"


@pytest.fixture
def hostile(sqlite_url):
    text = "Governor says 3 drones were destroyed over Kaluga Oblast."
    report = Report(
        source=Source(kind="telegram", name="<b>chan</b>", claimant=HOSTILE, lang="en"),
        external_id="1",
        url="https://example.org/a)(b",
        text=text,
    )
    found = Claim(claimant=HOSTILE, claim_type="destroyed", weapon="uav", count=3,
                  country="RU", admin1="RU-KLU", evidence={"claim": (14, 41)})  # fmt: skip
    engine = ledger_with(sqlite_url, [(report, [found])])
    update_events(engine)
    yield engine
    engine.dispose()


def test_stored_text_cannot_become_markup(hostile):
    md = brief(hostile, fmt="md")
    assert "](javascript:" not in md and "\x1b" not in md
    lead = md.split("\n\n")[2]  # holds no markup of its own: every bracket is escaped
    assert re.search(r"(?<!\\)[<>\[\]*]", lead) is None
    assert r"\[Kaluga\]\(javascript:alert\(1\)\)" in md
    assert "[\\<b\\>chan\\</b\\>](<https://example.org/a%29%28b>)" in md
    html = brief(hostile, fmt="html")
    assert "<img" not in html and "<b>chan" not in html and "\x1b" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="https://example.org/a%29%28b"' in html


def test_html_escapes_and_links(engine):
    html = brief(engine, area="RU-BRY", fmt="html")
    assert html.startswith("<!DOCTYPE html>")
    assert '<a href="https://tass.example/' in html
    assert 'class="conflict"' in html


def test_an_empty_selection_says_so(engine):
    assert "No claims in the ledger match" in brief(engine, area="UA-63", fmt="md")


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (("destroyed", "uav", 11, "Kaluga Oblast"), "11 UAVs destroyed over Kaluga Oblast"),
        (("destroyed", "missile", 1, "Kharkiv Oblast"), "1 missile destroyed over Kharkiv Oblast"),
        (("launched", "uav", 50, "Ukraine"), "50 UAVs launched at Ukraine"),
        (("launched", "uav", None, "Ukraine"), "an attack with UAVs on Ukraine"),
        (("debris", "uav", 1, "Leningrad Oblast"), "debris of 1 UAV in Leningrad Oblast"),
        (("hit", "glide_bomb", 3, "Sumy Oblast"), "3 glide bombs striking targets in Sumy Oblast"),
        (("hit", "missile", None, "Kyiv"), "missile strikes in Kyiv"),
        (("hit", "missile", None, "Kyiv", "title"), "missile strikes in Kyiv"),
        (("damage", "uav", None, "Kursk Oblast"), "damage in Kursk Oblast"),
    ],
)
def test_claim_phrases(args, phrase):
    assert claim_phrase(*args) == phrase


@pytest.mark.parametrize(
    ("killed", "injured", "phrase"),
    [
        (0, 0, "no casualties in Kaluga Oblast"),
        (None, 1, "1 injured in Kaluga Oblast"),
        (2, 3, "2 killed and 3 injured in Kaluga Oblast"),
    ],
)
def test_casualty_phrases(killed, injured, phrase):
    assert casualty_phrase(killed, injured, "Kaluga Oblast") == phrase


@pytest.mark.parametrize(
    ("name", "first", "expected"),
    [
        ("Russian Ministry of Defense", True, "The Russian Ministry of Defense"),
        ("Governor of Bryansk Oblast", False, "the Governor of Bryansk Oblast"),
        (
            "Governor of Kaluga Oblast Vladislav Shapsha",
            False,
            "Governor of Kaluga Oblast Vladislav Shapsha",
        ),
        ("Ukrainian Air Force", False, "the Ukrainian Air Force"),
        ("Mayor of Kyiv Vitali Klitschko", True, "Mayor of Kyiv Vitali Klitschko"),
    ],
)
def test_claimants_in_sentences(name, first, expected):
    assert claimant_in_sentence(name, first) == expected


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("tass.ru", "tass.ru"),
        ("[click](javascript:alert(1))", r"\[click\]\(javascript:alert\(1\)\)"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
        ("*bold* _it_ `code`", r"\*bold\* \_it\_ \`code\`"),
    ],
)
def test_an_outlet_name_in_markdown_is_text_never_markup(name, shown):
    assert markdown_text(name) == shown


def test_the_lead_names_a_claimant_once_however_its_reports_name_it(sqlite_url):
    """One report names the governor's office, another the governor: one claimant."""
    from reconcile_cases import claim, report

    office = "The governor's office said three drones were destroyed over Kaluga Oblast."
    holder = "Vladislav Shapsha said two drones were destroyed over Kaluga Oblast."
    fields = {"claim_type": "destroyed", "weapon": "uav", "country": "RU", "admin1": "RU-KLU"}
    batches = [
        (report(office, "one.example", published="2025-06-02T08:00:00+03:00"),
         [claim(office, "three drones were destroyed", claimant="Governor of Kaluga Oblast", count=3, **fields)]),
        (report(holder, "two.example", published="2025-06-04T08:00:00+03:00"),
         [claim(holder, "two drones were destroyed", claimant=KALUGA, count=2, **fields)]),
    ]  # fmt: skip
    engine = ledger_with(sqlite_url, batches)
    update_events(engine)
    lead = brief(engine, fmt="md").split("\n\n")[2]
    engine.dispose()
    assert lead.startswith(f"{KALUGA} made 2 claims about 2 events between 2025-06-02 and")


def test_an_area_lead_counts_a_part_whose_total_lies_outside_the_area(engine):
    """The ministry's 20 over Russia is context in Kaluga's briefing; its 10 over Kaluga
    and the governor's 11 are the area's own figures."""
    lead = brief(engine, area="RU-KLU", fmt="md").split("\n\n")[2]
    assert (
        "The largest figure claimed: 11 UAVs destroyed over Kaluga Oblast "
        "(Governor of Kaluga Oblast Vladislav Shapsha, date unknown)."
    ) in lead
