"""English constructions -> claims (claim_type, weapon, count, admin1). Sentences written for these tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from extract_helpers import casualties, keys, places
from skyledger.extract import extract


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verb first / noun first headline
        (
            "Air defences destroyed nine drones over the Tula region.",
            [("destroyed", "uav", 9, "RU-TUL")],
        ),
        ("Nine drones downed over Tula Oblast, ministry says", [("destroyed", "uav", 9, "RU-TUL")]),
        # a singular with an article is one
        (
            "Russian air defences shot down a Ukrainian drone over the Oryol region.",
            [("destroyed", "uav", 1, "RU-ORL")],
        ),
        # the Moscow region is RU-MOS, Moscow the city RU-MOW
        ("Two drones were shot down over the Moscow region.", [("destroyed", "uav", 2, "RU-MOS")]),
        (
            "The mayor said a drone flying towards Moscow was destroyed.",
            [("destroyed", "uav", 1, "RU-MOW")],
        ),
        # Crimea
        ("Four drones were intercepted over Crimea.", [("destroyed", "uav", 4, "UA-43")]),
        # a missile hitting a city implies its region
        (
            "A Russian missile hit an industrial site in Poltava, the governor said.",
            [("hit", "missile", 1, "UA-53")],
        ),
        # a strike on a named place is a hit ("удар по …"), whatever is told before it
        (
            "Three people were killed and 12 injured in a Russian missile strike on Dnipro.",
            [("hit", "missile", None, "UA-12"), ("casualties", "missile", None, "UA-12")],
        ),
        (
            "Two civilians were killed in a drone strike on a car in the Kherson region.",
            [("hit", "uav", None, "UA-65"), ("casualties", "uav", None, "UA-65")],
        ),
        # a drone shot down before it went off is debris, not a shoot-down and a strike
        (
            "In Belgorod, the detonation of a downed drone damaged windows of a house.",
            [("debris", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        (
            "In Belgorod, a downed drone detonated, damaging windows of a house.",
            [("debris", "uav", 1, "RU-BEL"), ("damage", "uav", None, "RU-BEL")],
        ),
        # a shoot-down denied is none ("failed to reach their targets" is one, by jamming)
        (
            "37 drones were shot down. The missiles could not be intercepted.",
            [("destroyed", "uav", 37, None)],
        ),
        (
            "37 drones were shot down, but the missiles were not intercepted.",
            [("destroyed", "uav", 37, None)],
        ),
        (
            "37 drones were shot down; air defences failed to intercept the missiles.",
            [("destroyed", "uav", 37, None)],
        ),
    ],
)
def test_sentences(text, expected):
    assert keys(text, "en") == expected


def test_launched_of_which_shot_down():
    text = (
        "Russia launched 50 drones overnight, of which 45 were shot down, Ukraine's air force said."
    )
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.count) for c in claims] == [("launched", 50), ("destroyed", 45)]
    assert {c.claimant for c in claims} == {"Ukrainian Air Force"}
    assert {c.country for c in claims} == {"UA"}


def test_several_weapon_kinds_in_one_sentence():
    text = "Russia launched 30 drones and 3 missiles at Ukraine overnight; air defences destroyed 27 drones and both missiles."
    assert keys(text, "en") == [
        ("launched", "uav", 30, None),
        ("launched", "missile", 3, None),
        ("destroyed", "uav", 27, None),
        ("destroyed", "missile", 2, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a wire lead and the bulletin it quotes, the model named only in the quote: one claim
        (
            "Air defences destroyed 20 drones over southern Ukraine overnight, the Ukrainian "
            'military said. "Our units destroyed 20 Shahed drones," the air force said on Telegram.',
            [("destroyed", "uav", "Shahed-136", 20, None)],
        ),
        # the same office giving one figure twice
        (
            "Russia says it shot down nine drones over Kursk region. Nine Geran drones were "
            "destroyed over the Kursk region, the defence ministry said.",
            [("destroyed", "uav", "Shahed-136", 9, "RU-KRS")],
        ),
        # a different figure stays a claim of its own
        (
            "Air defences destroyed 20 drones, the Ukrainian military said. Of them, 15 Shahed "
            "drones were destroyed over the south, the air force said.",
            [("destroyed", "uav", None, 20, None), ("destroyed", "uav", "Shahed-136", 15, None)],
        ),
    ],
)
def test_one_figure_quoted_twice(text, expected):
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.weapon, c.model, c.count, c.admin1) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        # the ministry's air defence forces do the shooting; the mayor says so
        (
            'The mayor of Moscow said: "The Ministry of Defence air defence forces shot down three '
            'drones flying towards Moscow."',
            "Mayor of Moscow",
        ),
        (
            "Russia's Defence Ministry said air defences destroyed five drones over the Bryansk region.",
            "Russian Ministry of Defense",
        ),
    ],
)
def test_forces_that_act_are_not_the_claimant(text, claimant):
    assert [c.claimant for c in extract(text, lang="en")] == [claimant]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # services at the crash site: debris of the downed drones, no count of its own
        (
            "Air defences shot down two drones flying towards Moscow, the mayor said. "
            "Emergency services are working at the crash site.",
            [("destroyed", "uav", 2, "RU-MOW"), ("debris", "uav", None, "RU-MOW")],
        ),
        (
            "A drone was destroyed over the Kaluga region; specialists are at the crash sites.",
            [("destroyed", "uav", 1, "RU-KLU"), ("debris", "uav", 1, "RU-KLU")],  # the one drone
        ),
    ],
)
def test_crash_sites_are_debris(text, expected):
    assert keys(text, "en") == expected


def test_an_office_named_in_passing_is_no_claimant():
    text = (
        "Governor Gladkov said a drone struck a house in the Belgorod region. Repairs will be "
        "coordinated with the Defence Ministry. Another drone damaged a car."
    )
    claims = extract(text, lang="en")
    # two drones, two strikes (the second one damaged a car)
    assert [c.claim_type for c in claims] == ["hit", "hit", "damage"]
    assert {c.claimant for c in claims} == {"Governor of Belgorod Oblast Vyacheslav Gladkov"}


def test_each_count_keeps_its_own_model():
    text = (
        "Overnight Russia launched 40 Shahed drones, 2 Iskander-M missiles and 3 Kh-101 missiles."
    )
    claims = extract(text, lang="en")
    assert [(c.weapon, c.model, c.count) for c in claims] == [
        ("uav", "Shahed-136", 40),
        ("missile", "Iskander-M", 2),
        ("missile", "Kh-101", 3),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an initialism's dots end no sentence between a count and its weapon
        (
            "Air defences destroyed 3 U.S.-made ATACMS missiles over the Belgorod region.",
            [("missile", "ATACMS", 3)],
        ),
        (
            "Air defences shot down two U.K.-supplied Storm Shadow missiles over Crimea.",
            [("missile", "Storm Shadow", 2)],
        ),
    ],
)
def test_a_count_before_an_initialism(text, expected):
    assert [(c.weapon, c.model, c.count) for c in extract(text, lang="en")] == expected


def test_breakdown_with_each_and_chains():
    text = (
        "The Russian Defense Ministry said air defences destroyed 20 Ukrainian drones over Russian regions overnight: "
        "12 over the Bryansk Region, 3 each over Oryol and Kursk Regions, and 2 over the Black Sea."
    )
    claims = extract(text, lang="en")
    assert [(c.count, c.admin1) for c in claims] == [
        (20, None),
        (12, "RU-BRY"),
        (3, "RU-ORL"),
        (3, "RU-KRS"),
        (2, None),
    ]
    assert [c.parent for c in claims] == [None, "c0", "c0", "c0", "c0"]
    assert claims[-1].places[0].normal == "Black Sea"
    assert claims[0].claimant == "Russian Ministry of Defense"


def test_time_window_with_moscow_time():
    text = "Between 11:00 p.m. and 6:00 a.m. Moscow time, on-duty air defences destroyed 14 drones over Kursk Region."
    published = datetime(2025, 3, 2, 9, 0, tzinfo=UTC)
    claim = extract(text, lang="en", published=published)[0]
    msk = timezone(timedelta(hours=3))
    assert claim.window_start == datetime(2025, 3, 1, 23, 0, tzinfo=msk)
    assert claim.window_end == datetime(2025, 3, 2, 6, 0, tzinfo=msk)


def test_no_window_without_a_date():
    text = "Between 11:00 p.m. and 6:00 a.m. Moscow time, air defences destroyed 14 drones over Kursk Region."
    assert extract(text, lang="en")[0].window_start is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor said no one was hurt.", [(0, 0)]),
        ("The strike killed three people and wounded 12.", [(3, 12)]),
        ("One person was injured.", [(None, 1)]),
        ("A drone strike killed a man, and three more people were wounded.", [(1, 3)]),
        # a second figure with no noun: "others" and "another" mark it as people
        ("The strike killed one person and wounded 17 others.", [(1, 17)]),
        ("A drone hit Sumy, killing one person and wounding 17 others.", [(1, 17)]),
        ("Two people were killed in the attack and 17 others were injured.", [(2, 17)]),
        ("One person was killed; another 12 were hospitalised.", [(1, 12)]),
        ("One person was killed and another 12 drones were shot down.", [(1, None)]),
        # no reports of casualties is an absence of reports, not a claim of none
        ("There were no immediate reports of casualties.", []),
        ("No reports of injuries have been received so far.", []),
        ("The governor said there were no casualties.", [(0, 0)]),
    ],
)
def test_casualties(text, expected):
    assert casualties("A Russian drone struck Sumy region overnight. " + text, "en") == expected


def test_damage_claim_with_governor():
    text = (
        "Governor Oleh Kiper said a drone strike damaged port infrastructure in the Odesa region."
    )
    claims = extract(text, lang="en")
    assert ("damage", "UA-51") in [(c.claim_type, c.admin1) for c in claims]
    assert claims[0].claimant == "Head of Odesa Oblast Military Administration Oleh Kiper"
    assert claims[0].claimant_text == "Kiper"  # the wording the text gives


@pytest.mark.parametrize(
    "text",
    [
        "The factory will manufacture 10,000 drones a year.",
        "Russia plans to launch 100 missiles, the minister warned.",
        "Since the start of the full-scale invasion, Ukraine has shot down 30,000 drones.",
        "The drone maker unveiled a new model at the exhibition.",
        "Workers are manufacturing long-range drones for a campaign of strikes deep inside Russia.",
        # a find denied
        "No drone fragments have been found near Galati so far, the ministry said.",
        # an ability, not a report
        "Analysts say rising output lets Moscow launch more than 500 drones in a single night.",
        "Moscow rarely discloses details, unless civilian infrastructure is damaged by drones.",
        # a test launch told on: the missile was fired and landed, but attacked nothing
        "The defence ministry said it had conducted a test launch of an intercontinental ballistic "
        "missile. The missile was fired from a silo in the Arkhangelsk region and landed in the "
        "target area.",
    ],
)
def test_non_claims(text):
    assert keys(text, "en") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike on a factory or a production site is a claim; making drones is not
        (
            "Two Ukrainian drones hit a chemical factory in the Tula region.",
            [("hit", "uav", 2, "RU-TUL")],
        ),
        (
            "Drones struck a production facility in the Tula region.",
            [("hit", "uav", None, "RU-TUL")],
        ),
        # a maker's plant struck is a target; a drone maker is no strike
        (
            "A missile hit a furniture manufacturer's plant in Uzhhorod.",
            [("hit", "missile", 1, "UA-21")],
        ),
        ("The country's biggest drone manufacturer said strikes on refineries would go on.", []),
    ],
)
def test_strikes_on_factories(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an attack that killed or injured people is a hit
        (
            "A Russian drone attack on the Sumy region injured two people, the governor said.",
            [("hit", "uav", None, "UA-59"), ("casualties", "uav", None, "UA-59")],
        ),
        (
            "A missile attack on Kharkiv killed one man.",
            [("hit", "missile", None, "UA-63"), ("casualties", "missile", None, "UA-63")],
        ),
        # no casualties, or an attack only threatened: no hit
        (
            "A drone attack on the Sumy region caused no casualties.",
            [("casualties", "uav", None, "UA-59")],
        ),
        ("Russia is preparing a new drone attack, officials warned.", []),
        # an attack that damaged something is a hit too
        (
            "A drone attack on the Sumy region damaged a school, the governor said.",
            [("damage", "uav", None, "UA-59"), ("hit", "uav", None, "UA-59")],
        ),
        # "a Russian attack" with no means named is a hit of weapon `other`
        (
            "Air defences shot down 12 drones overnight, the air force said. The governor of "
            "the Sumy region said three people were wounded in a Russian attack on Shostka.",
            [
                ("destroyed", "uav", 12, None),
                ("hit", "other", None, "UA-59"),
                ("casualties", "uav", None, "UA-59"),
            ],
        ),
        (
            "Air defences shot down 12 drones overnight, the air force said. In the Chernihiv "
            "region, a series of attacks smashed windows in a school, the governor said.",
            [
                ("destroyed", "uav", 12, None),
                ("damage", "uav", None, "UA-74"),
                ("hit", "other", None, "UA-74"),
            ],
        ),
        # "the attack" is the one told of before, with its weapon
        (
            "Russia launched two missiles at the Poltava region, the air force said. "
            "Governor Pronin said the attack damaged a warehouse.",
            [
                ("launched", "missile", 2, "UA-53"),
                ("damage", "missile", None, "UA-53"),
                ("hit", "missile", None, "UA-53"),
            ],
        ),
    ],
)
def test_attacks_that_harmed_people_are_hits(text, expected):
    assert keys(text, "en") == expected


def test_no_hits_said():
    """Damage from the attack makes it a hit although it spared the homes (guideline: an attack
    that caused damage gets a hit claim)."""
    text = (
        "Governor Pronin said the missile attack damaged a warehouse in the Poltava region, "
        "but there were no hits to homes."
    )
    assert keys(text, "en") == [
        ("hit", "missile", None, "UA-53"),
        ("damage", "missile", None, "UA-53"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "no direct hits" says where it did not strike: no hit
        (
            "Air defences shot down 12 drones over the Kyiv region, the air force said. Governor "
            "Ruslan Kravchenko reported no direct hits to homes or critical infrastructure.",
            [("destroyed", "uav", 12, "UA-32")],
        ),
        # a purpose is no report: "weapons to strike", "ways to destroy"
        (
            "Drones have become key weapons to strike warships and airfields. The army needs "
            "ways to destroy drones with electronic warfare, the minister said.",
            [],
        ),
        # but a thing done is one: "managed to shoot down"
        (
            "Air defences managed to shoot down 12 drones over the Kursk region.",
            [("destroyed", "uav", 12, "RU-KRS")],
        ),
    ],
)
def test_no_hits_and_purposes_are_no_claims(text, expected):
    assert keys(text, "en") == expected


def test_an_exercise_mentioned_after_an_attack_leaves_it_alone():
    text = "Russia launched 40 drones at Ukraine overnight. Separately, Belarus held military exercises."
    assert keys(text, "en") == [("launched", "uav", 40, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a town with no region stated: its region comes from the gazetteer
        ("Russia attacked Lgov with drones.", [("hit", "RU-KRS", ["Lgov"])]),
        ("A drone hit a residential area of Kupiansk.", [("hit", "UA-63", ["Kupiansk"])]),
        (
            "Russian drones attacked Kharkiv overnight, the mayor said.",
            [("hit", "UA-63", ["Kharkiv"])],
        ),
        # a city of 200,000 and a village of 3,000 share the name: the city
        ("A drone hit a warehouse in Bila Tserkva.", [("hit", "UA-32", ["Bila Tserkva"])]),
        ("A drone hit a warehouse in Kremenchuk.", [("hit", "UA-53", ["Kremenchuk"])]),
        # two towns of one name, neither far bigger: no region
        ("A drone was shot down over Pokrovsk.", [("destroyed", None, ["Pokrovsk"])]),
        # the capital as the speaker is no place of the claim
        (
            "Officials in Kyiv said a drone hit a warehouse in Bila Tserkva.",
            [("hit", "UA-32", ["Bila Tserkva"])],
        ),
        # regions named by their cities' names are regions, not cities
        (
            "Air defences shot down two drones each over the Rostov and Tver regions.",
            [("destroyed", "RU-ROS", []), ("destroyed", "RU-TVE", [])],
        ),
        # a launch site is neither a place nor the region of the claim
        (
            "Russia launched 50 Shahed drones from Kursk, the Air Force said.",
            [("launched", None, [])],
        ),
        # a country is no town
        ("Russia attacked Ukraine with 40 drones overnight.", [("launched", None, [])]),
    ],
)
def test_towns_named_without_a_region(text, expected):
    assert places(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Air defences destroyed eight drones each over the Kursk and Bryansk regions "
            "and 19 over the Moscow region, the ministry said.",
            [(8, "RU-KRS", None), (8, "RU-BRY", None), (19, "RU-MOS", None)],
        ),
        # the regions first; the next clause's region is its own
        (
            "Over the Kursk and Bryansk regions, eight drones each were destroyed, "
            "and over the Moscow region another 19.",
            [(8, "RU-KRS", None), (8, "RU-BRY", None), (19, "RU-MOS", None)],
        ),
        # the weapon named before the breakdown, with no total
        (
            "Air defences destroyed drones overnight: eight each over the Kursk and Bryansk "
            "regions and 19 over the Moscow region.",
            [(8, "RU-KRS", None), (8, "RU-BRY", None), (19, "RU-MOS", None)],
        ),
        # a stated total: the lines point at it
        (
            "Air defences destroyed 35 drones: eight each over the Kursk and Bryansk regions "
            "and 19 over the Moscow region.",
            [(35, None, None), (8, "RU-KRS", "c0"), (8, "RU-BRY", "c0"), (19, "RU-MOS", "c0")],
        ),
    ],
)
def test_distributive_over_joined_regions(text, expected):
    assert [(c.count, c.admin1, c.parent) for c in extract(text, lang="en")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # requests, appeals, advice and assessments to come claim nothing
        (
            "A drone was shot down over the Kursk region. Officials urged residents not to "
            "approach any fragments and to report them to the police.",
            [("destroyed", "uav", 1, "RU-KRS")],
        ),
        (
            "A drone hit a house in Sumy. Officials will assess the damage to nearby homes.",
            [("hit", "uav", 1, "UA-59")],
        ),
        (
            "A drone hit a house in Sumy. The damaged homes will be inspected, and their owners "
            "will receive compensation.",
            [("hit", "uav", 1, "UA-59")],
        ),
        # the debris found is claimed; the request after it is not
        (
            "A drone was shot down over the Kursk region. Fragments were found in a field, and "
            "residents are asked not to approach them.",
            [("destroyed", "uav", 1, "RU-KRS"), ("debris", "uav", 1, "RU-KRS")],
        ),
        # an appeal that is no advice to residents leaves the claim alone
        (
            "Kyiv says Russia must be held to account for the drone strike that damaged homes "
            "in Sumy.",
            [("hit", "uav", None, "UA-59"), ("damage", "uav", None, "UA-59")],
        ),
    ],
)
def test_requests_and_advice_are_no_claims(text, expected):
    assert keys(text, "en") == expected


def test_artillery_is_no_count_of_one():
    """A means of attack, not one piece: "with drones and artillery" counts neither, and the
    artillery beside the drones strikes nothing from the air (as "атакував FPV-дронами та
    артилерією")."""
    assert keys("Russia attacked Sumy with drones and artillery.", "en") == [
        ("hit", "uav", None, "UA-59"),
    ]


def test_the_region_a_report_moved_on_to():
    text = (
        "The mayor of Kyiv said three drones were shot down over the capital. In Kharkiv, a "
        "drone hit a house. Several cars were also damaged."
    )
    assert keys(text, "en") == [
        ("destroyed", "uav", 3, "UA-30"),
        ("hit", "uav", 1, "UA-63"),
        ("damage", "uav", None, "UA-63"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Russian drone attack on the Chernihiv region damaged a school.",
            [("damage", "uav", None, "UA-74"), ("hit", "uav", None, "UA-74")],
        ),
        ("A drone attack on the Sumy region caused no damage.", []),
        # a drone attack with no outcome is a launch with no count; with damage, a hit
        (
            "Russia launched a massive drone attack on Kyiv overnight, the city's military "
            "administration said.",
            [("launched", "uav", None, "UA-30")],
        ),
        (
            "The Kursk region came under a drone attack overnight.",
            [("launched", "uav", None, "RU-KRS")],
        ),
        (
            "Russia carried out a drone attack on Odesa, damaging port infrastructure.",
            [("hit", "uav", None, "UA-51"), ("damage", "uav", None, "UA-51")],
        ),
        (
            "Ukraine launched a drone attack on Moscow; Mayor Sobyanin said two drones were shot down.",
            [("destroyed", "uav", 2, "RU-MOW")],
        ),
    ],
)
def test_drone_attacks_named_in_english(text, expected):
    assert sorted(keys(text, "en"), key=str) == sorted(expected, key=str)


def test_mixed_means_without_figure():
    text = (
        "Overnight Russia attacked the Poltava region with missiles and drones. There were hits "
        "and falling debris. A house was damaged."
    )
    assert keys(text, "en") == [
        ("hit", "other", None, "UA-53"),
        ("debris", "other", None, "UA-53"),
        ("damage", "other", None, "UA-53"),
    ]


def test_headline_figure_placed_by_the_next_line():
    # a headline with no region, then the same figure placed: one claim, the governor's
    text = (
        "Two drones downed over a Russian region\n\n"
        "Governor: two drones were shot down over the Smolensk region"
    )
    assert [(c.claim_type, c.count, c.admin1, c.claimant) for c in extract(text, lang="en")] == [
        ("destroyed", 2, "RU-SMO", "Governor of Smolensk Oblast")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the drones" in a shoot-down sentence points back to the drones counted before
        (
            "Three drones attacked the Kursk region overnight, the governor said. "
            "He said air defences shot the drones down.",
            [("launched", "uav", 3, "RU-KRS"), ("destroyed", "uav", 3, "RU-KRS")],
        ),
        # no count told before: the plural stays uncounted
        (
            "The governor said air defences shot the drones down over the Kursk region.",
            [("destroyed", "uav", None, "RU-KRS")],
        ),
        # a shoot-down already counted: "all the drones" restates it, no second figure
        (
            "Air defences downed five drones over the Kursk region, the governor said. "
            "First, four drones attacked the Rylsk district. All the drones were shot down.",
            [("destroyed", "uav", 5, "RU-KRS"), ("launched", "uav", 4, "RU-KRS")],
        ),
        # "them" beside a shoot-down verb stands for the drones launched before
        (
            "Three drones attacked the Kursk region overnight, the governor said. "
            "Air defences shot them down.",
            [("launched", "uav", 3, "RU-KRS"), ("destroyed", "uav", 3, "RU-KRS")],
        ),
        (
            "Air defences downed five drones over the Kursk region, the governor said. "
            "Four drones attacked the Rylsk district. Air defences shot them down.",
            [("destroyed", "uav", 5, "RU-KRS"), ("launched", "uav", 4, "RU-KRS")],
        ),
    ],
)
def test_the_weapons_counted_before(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a drone air attack" is by drones, not of mixed means
        (
            "Kharkiv residents sheltered from a drone air attack overnight. An oil depot was hit.",
            [("hit", "uav", None, "UA-63")],
        ),
    ],
)
def test_drone_air_attacks(text, expected):
    assert keys(text, "en") == expected


def test_a_headline_drone_in_the_singular_counted_by_the_body():
    # the headline's singular names the kind; the body counts it: one claim of two
    text = (
        "Drone hits a house in Sumy\n\n"
        "Overnight two Russian drones hit a house in Sumy, no one was hurt."
    )
    assert keys(text, "en") == [("hit", "uav", 2, "UA-59"), ("casualties", "uav", None, "UA-59")]


@pytest.mark.parametrize(
    "wording",
    [
        "Windows were blown out in several flats.",
        "The blast blew out windows in several flats.",
        "The blast shattered windows in several flats.",
    ],
)
def test_windows_blown_out_are_damage(wording):
    text = f"A drone hit a block of flats in Rylsk, the governor said. {wording}"
    assert ("damage", "uav", None, "RU-KRS") in keys(text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of reckoning, what it counts, then "at" and the count
        (
            "The air force put the total for the night at 49 drones and said 38 of them had been shot down.",
            [("launched", "uav", 49, None), ("destroyed", "uav", 38, None)],
        ),
        (
            "The air force estimated the number of drones launched overnight at more than 100.",
            [("launched", "uav", 100, None)],
        ),
        (
            "The governor numbered the attacking drones at about 30, most of which were shot down.",
            [("launched", "uav", 30, None), ("destroyed", "uav", None, None)],
        ),
        (
            "The ministry put the number of drones downed over the Kursk region overnight at 17.",
            [("destroyed", "uav", 17, "RU-KRS")],
        ),
        (
            "The military put the tally of missiles shot down at four.",
            [("destroyed", "missile", 4, None)],
        ),
    ],
)
def test_counts_put_at_a_figure(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weapon that entered a neighbour's airspace was sent there: a launch, in that country
        (
            "A drone entered Romanian airspace for several minutes, Romania's defence ministry said.",
            [("launched", "uav", 1, None, "RO")],
        ),
        (
            "Poland's Operational Command said 19 drones had violated Polish airspace overnight.",
            [("launched", "uav", 19, None, "PL")],
        ),
        (
            "Polish military scrambled jets; one object crossed into the Lublin province, Poland's "
            "Operational Command said.",
            [("launched", "other", 1, "PL-06", "PL")],
        ),
        # what it did there, told next, is the claim instead
        (
            "A drone entered Polish airspace and crashed near the village of Wyryki in the Lublin "
            "province, Poland's Operational Command said.",
            [("debris", "uav", 1, "PL-06", "PL")],
        ),
    ],
)
def test_weapons_that_entered_a_neighbours_airspace(text, expected):
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.weapon, c.count, c.admin1, c.country) for c in claims] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a strike launched at the whole country is a launch, absorbed by the figures told
        (
            "Russia launched a combined missile and drone strike on Ukraine overnight, the air "
            "force said.",
            [("launched", "other", None, None)],
        ),
        (
            "Russia launched a combined missile and drone strike on Ukraine overnight. The air "
            "force said 40 of 52 drones and three of five missiles had been shot down.",
            [
                ("destroyed", "uav", 40, None),
                ("launched", "uav", 52, None),
                ("destroyed", "missile", 3, None),
                ("launched", "missile", 5, None),
            ],
        ),
        # the part of "N of M" takes the verb after the whole, past a launch told before
        (
            "Russia launched a drone strike on Ukraine overnight, the air force said, adding that "
            "40 of 52 drones had been shot down.",
            [("destroyed", "uav", 40, None), ("launched", "uav", 52, None)],
        ),
    ],
)
def test_a_strike_launched_at_the_country(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline's claim with no figure and no speaker is the body's, whoever speaks first
        (
            "Chernihiv: drones hit energy facility\n\nRussian drones hit an energy facility in "
            "Nizhyn overnight, the regional military administration said.",
            [("hit", "uav", None, "UA-74")],
        ),
        (
            "Chernihiv: drones hit energy facility\n\nUkraine's air force said Russia launched 60 "
            "drones overnight, 45 of which were shot down. In the Chernihiv region, drones hit an "
            "energy facility, governor Vyacheslav Chaus said.",
            [
                ("launched", "uav", 60, None),
                ("destroyed", "uav", 45, None),
                ("hit", "uav", None, "UA-74"),
            ],
        ),
    ],
)
def test_a_headline_told_again_in_the_body(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # impacts of counted weapons are hits, like "hits by 19 drones"
        ("Impacts of 19 drones were recorded at seven locations.", [("hit", "uav", 19, None)]),
        # a headline's present tense attack with a count is a launch
        (
            "Russia attacks Ukraine with 85 drones overnight, Air Force says",
            [("launched", "uav", 85, None)],
        ),
        # missiles fired at a city that killed people struck it
        (
            "Russia fired ballistic missiles at Kyiv early on Friday, killing two people.",
            [("hit", "missile", None, "UA-30"), ("casualties", "missile", None, "UA-30")],
        ),
    ],
)
def test_impacts_and_attacks_in_wire_wording(text, expected):
    assert keys(text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "A Russian drone hit an industrial enterprise in Kryvyi Rih on Friday, starting a fire.",
        "A missile struck a warehouse in Kryvyi Rih, causing a fire, the governor said.",
    ],
)
def test_a_fire_at_the_site_struck_is_damage(text):
    assert ("damage", keys(text, "en")[0][1], None, "UA-12") in keys(text, "en")


def test_most_of_which_were_shot_down():
    text = "Russia launched 60 drones overnight, most of which were shot down, the air force said."
    assert keys(text, "en") == [("launched", "uav", 60, None), ("destroyed", "uav", None, None)]


def test_a_total_put_at_a_figure_by_a_second_speaker():
    # the cue before the reckoning tells its type; the speaker who reckons it is its claimant
    text = (
        "Governor Alexander Bogomaz said air defences had destroyed 19 drones over the Bryansk "
        "region, while "
        "Russia's defence ministry put the total over the region at 21."
    )
    claims = extract(text, lang="en")
    assert [(c.claim_type, c.count, c.admin1, c.claimant) for c in claims] == [
        ("destroyed", 19, "RU-BRY", "Governor of Bryansk Oblast Alexander Bogomaz"),
        ("destroyed", 21, "RU-BRY", "Russian Ministry of Defense"),
    ]


def test_a_death_toll_put_at_a_figure_counts_people():
    text = "The governor put the death toll from the drone strike on Sumy at 3, with 12 injured."
    assert keys(text, "en") == [("hit", "uav", None, "UA-59"), ("casualties", "uav", None, "UA-59")]
    assert casualties(text, "en") == [(3, 12)]


def test_one_of_the_victims_counts_no_weapon_and_no_more_people():
    # some of the people counted before: neither the frame's weapon nor a new figure
    text = (
        "Missile debris fell in the Solomianskyi district, the Kyiv City Military Administration "
        "said. Mayor Vitali Klitschko wrote about two injured. One of the victims was hospitalized."
    )
    assert keys(text, "en") == [
        ("debris", "missile", None, "UA-30"),
        ("casualties", "missile", None, "UA-30"),
    ]
    assert casualties(text, "en") == [(None, 2)]
