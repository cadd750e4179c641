import pytest
from hypothesis import given
from hypothesis import strategies as st

from skyledger.reconcile.claimants import claimant_key, display_name

SAME = [
    ("Минобороны России", "Russian Ministry of Defense"),
    ("Министерство обороны Российской Федерации", "Russian Ministry of Defense"),
    ("Міноборони РФ", "Russia's Ministry of Defence"),
    ("Губернатор Калужской области Владислав Шапша", "Governor of Kaluga Oblast Vladislav Shapsha"),
    ("Владислав Шапша", "Kaluga Oblast governor"),
    ("Повітряні сили ЗСУ", "Ukrainian Air Force"),
    ("Ukrainian Air Force spokesman Yurii Ihnat", "Ukrainian Air Force"),
    ("Начальник Харківської ОВА Олег Синєгубов", "Head of Kharkiv Oblast Military Administration Oleh Syniehubov"),
    ("Governor of Dnipropetrovsk Oblast Serhiy Lysak", "Head of Dnipropetrovsk Oblast Military Administration Serhiy Lysak"),
    ("Новости Mail.ru (outlet, earlier report)", "Новости Mail.ru (outlet)"),
    ("Мэр Москвы Сергей Собянин", "Mayor of Moscow Sergei Sobyanin"),
]  # fmt: skip

DIFFERENT = [
    ("Міноборони України", "Минобороны России"),
    ("Governor of Kaluga Oblast", "Governor of Bryansk Oblast"),
    ("Mayor of Kyiv Vitali Klitschko", "Head of Kyiv City Military Administration Serhiy Popko"),
    ("Monitor.od.ua (outlet)", "Ukrainian Air Force"),
    (None, "Ukrainian Air Force"),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_same_claimant_across_languages(one, other):
    assert claimant_key(one) == claimant_key(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_claimants_stay_apart(one, other):
    assert claimant_key(one) != claimant_key(other)


@pytest.mark.parametrize(
    ("claimant", "shown"),
    [
        ("Минобороны России", "Russian Ministry of Defense"),
        (
            "Governor of Kaluga Oblast Vladislav Shapsha",
            "Governor of Kaluga Oblast Vladislav Shapsha",
        ),
        ("Неизвестный канал", "Неизвестный канал"),
        (None, "An unnamed source"),
    ],
)
def test_display_name_is_english_when_known(claimant, shown):
    assert display_name(claimant) == shown


@given(
    st.sampled_from([one for one, _ in SAME]), st.sampled_from(["", " ", ".", "  ,"]), st.booleans()
)
def test_key_ignores_case_spacing_and_punctuation(claimant, noise, upper):
    written = (claimant.upper() if upper else claimant.lower()).replace(" ", f"{noise} ")
    assert claimant_key(written) == claimant_key(claimant)


@given(st.text(max_size=80))
def test_any_text_has_a_key_and_a_name(text):
    assert isinstance(claimant_key(text), str)
    assert display_name(text)
