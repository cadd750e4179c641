"""The dashboard in Debian's Chromium (Playwright), served by uvicorn on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import pytest
import uvicorn
from playwright.sync_api import expect, sync_playwright

from skyledger.api import create_app
from skyledger.store.db import open_engine
from skyledger.store.writer import save_batch
from test_api_queries import (
    AIR_FORCE,
    GOVERNOR,
    MOD,
    TEXT_SCRIPT,
    build_sample,
    undated_batch,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-gpu",
]
REGIONS_WITH_CLAIMS = {"RU-KLU", "RU-BRY", "RU-MOS", "RU-BEL", "UA-63", "UA-51"}


def require_chromium() -> None:
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing; CI must install Debian's chromium")
    pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium fonts-dejavu-core)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'ledger.db'}"
    ids = build_sample(url)
    engine = open_engine(url)
    save_batch(engine, undated_batch())  # a report with no known time, as files often give
    engine.dispose()
    with serving(create_app(url)) as base:
        yield base, ids


@contextmanager
def serving(app):
    """The app served by uvicorn on a free local port, for as long as the block runs."""
    port = free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        instance.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    require_chromium()

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def open_page(browser, base: str, path: str = "/", width: int = 1400, height: int = 1100):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(base + path)
    wait_ready(page)
    return context, page


@pytest.fixture
def dashboard(browser, server):
    """The loaded page, the URLs it requested, and the sample's ids."""
    base, ids = server
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    page = context.new_page()
    requested, dialogs, errors = [], [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/")
    wait_ready(page)
    page.requested, page.dialogs, page.errors, page.ids, page.base = (
        requested,
        dialogs,
        errors,
        ids,
        base,
    )
    yield page
    context.close()


def regions_marked(page, css_class: str) -> set[str]:
    return set(
        page.eval_on_selector_all(
            f"path.region.{css_class}", "els => els.map(e => e.dataset.admin1)"
        )
    )


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-state=ready][data-totals=ready]", timeout=15_000)


def click_claim(page, claim_id: int) -> None:
    page.click(f'#claims-table tr[data-claim-id="{claim_id}"]')
    page.wait_for_selector("#source-panel:not([hidden]) #source-text mark")


def test_map_draws_the_regions_that_have_claims(dashboard):
    assert dashboard.locator("path.region").count() >= 117  # every RU, UA and BY region is drawn
    assert regions_marked(dashboard, "has-claims") == REGIONS_WITH_CLAIMS
    assert regions_marked(dashboard, "has-conflict") == {"RU-KLU"}
    assert dashboard.locator("#claims-table tbody tr").count() == 11  # the undated one too
    assert (
        dashboard.locator("#claims-table .conflict").count() == 2
    )  # both Kaluga claims of the disputed event
    assert dashboard.errors == []


def test_a_filter_changes_the_table_and_the_map(dashboard):
    dashboard.select_option("#filters select[name=weapon]", "missile")
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(2)
    wait_ready(dashboard)
    assert regions_marked(dashboard, "has-claims") == {"UA-63"}
    dashboard.select_option("#filters select[name=weapon]", "")
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(11)
    wait_ready(dashboard)  # the claimant list now offers every claimant again
    dashboard.select_option("#filters select[name=claimant]", GOVERNOR.claimant)
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(3)
    wait_ready(dashboard)
    assert regions_marked(dashboard, "has-claims") == {"RU-KLU"}


def test_clicking_a_region_narrows_to_it(dashboard):
    dashboard.locator('path.region[data-admin1="UA-63"]').dispatch_event("click")
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(1)
    assert "UA-63" in dashboard.inner_text("#area-chip")


def test_clicking_a_claim_shows_its_source_with_the_evidence(dashboard):
    claim_id = dashboard.ids["claims"][(GOVERNOR.claimant, "RU-KLU", "destroyed")]
    click_claim(dashboard, claim_id)
    assert dashboard.inner_text("#source-text").startswith("Над Боровском и Малоярославцем")
    claim_marks = '#source-text mark[data-field="claim"]'
    # the count's own span splits the claim's highlight into pieces; together they are the claim
    assert "".join(
        dashboard.eval_on_selector_all(claim_marks, "els => els.map(e => e.textContent)")
    ) == ("сбиты 11 беспилотников")
    assert "Боровском" in dashboard.eval_on_selector_all(
        "#source-text mark", "els => els.map(e => e.textContent)"
    )
    assert dashboard.inner_text("#claim-precision") == "place"


def test_a_claim_known_only_to_its_region_is_shown_as_the_area(dashboard):
    claim_id = dashboard.ids["claims"][(MOD.claimant, "RU-BRY", "destroyed")]
    click_claim(dashboard, claim_id)
    assert dashboard.inner_text("#claim-precision") == "admin1"
    assert regions_marked(dashboard, "claim-area") == {"RU-BRY"}


def test_a_report_holding_script_shows_it_as_text(dashboard):
    claim_id = dashboard.ids["claims"][(AIR_FORCE.claimant, "UA-51", "destroyed")]
    click_claim(dashboard, claim_id)
    assert dashboard.text_content("#source-text") == TEXT_SCRIPT
    assert dashboard.locator("#source-text script").count() == 0
    assert dashboard.dialogs == []


def test_region_only_claims_are_not_drawn_as_points(dashboard):
    # Points only for the three named places (Borovsk, Maloyaroslavets, Odesa); the debris
    # between two villages is one segment; region-only claims add no marker at all.
    assert dashboard.locator("path.claim-point").count() == 3
    assert dashboard.locator("path.claim-segment").count() == 1


def test_source_health_flags_the_silent_source(dashboard):
    # silent = nothing for over two days before the newest report (22 Nov 07:00 UTC)
    expect(dashboard.locator("#sources-table tbody tr")).to_have_count(4)
    rows = dashboard.eval_on_selector_all(
        "#sources-table tr.silent-source td:first-child", "els => els.map(e => e.textContent)"
    )
    assert rows == ["old_statements.txt (file)", "mod_bulletins (telegram)"]


def test_no_request_leaves_the_machine_and_a_screenshot_is_saved(dashboard):
    claim_id = dashboard.ids["claims"][(GOVERNOR.claimant, "RU-KLU", "debris")]
    click_claim(dashboard, claim_id)
    ARTIFACTS.mkdir(exist_ok=True)
    dashboard.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    dashboard.goto(dashboard.base + "/docs")
    dashboard.wait_for_selector(".swagger-ui .opblock", timeout=15_000)
    hosts = {urlparse(url).hostname for url in dashboard.requested if not url.startswith("data:")}
    assert hosts == {"127.0.0.1"}


def texts(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.map(e => e.textContent.trim())")


def test_the_dashboard_opens_on_the_whole_ledger(dashboard):
    form = "#filters input[name={}]"
    assert dashboard.input_value(form.format("since")) == ""
    assert dashboard.input_value(form.format("until")) == ""
    assert dashboard.inner_text("#summary").startswith("11 claims")
    assert "undated" in texts(dashboard, "#claims-table tbody td:nth-child(1)")


def test_the_conflicts_view_sets_the_claimants_figures_side_by_side(dashboard):
    card = dashboard.locator(
        f'#conflicts .event-card[data-event-id="{dashboard.ids["conflict_event"]}"]'
    )
    expect(card).to_have_count(1)
    assert dashboard.locator("#conflicts .event-card").count() == 1  # the agreed event is not there
    claimants = texts(dashboard, "#conflicts .event-card th.claimant")
    figures = texts(dashboard, "#conflicts .event-card td.figure")
    assert dict(zip(claimants, figures, strict=True)) == {
        MOD.claimant: "10",
        GOVERNOR.claimant: "11",
    }
    # the words behind a figure, one click away
    card.locator("button.evidence-link").nth(claimants.index(GOVERNOR.claimant)).click()
    dashboard.wait_for_selector("#source-panel:not([hidden]) #source-text mark")
    assert dashboard.inner_text("#source-text").startswith("Над Боровском")
    ARTIFACTS.mkdir(exist_ok=True)
    card.screenshot(path=str(ARTIFACTS / "dashboard-conflict.png"))


def test_an_event_shows_its_claims_and_opens_with_who_said_what(dashboard):
    kaluga = dashboard.locator(f'#events li[data-event-id="{dashboard.ids["conflict_event"]}"]')
    assert "2 claim(s)" in kaluga.inner_text()
    assert f"{GOVERNOR.claimant} 11" in kaluga.inner_text()
    kaluga.click()
    expect(dashboard.locator("#event-panel")).to_be_visible()
    assert set(texts(dashboard, "#event-panel th.claimant")) == {MOD.claimant, GOVERNOR.claimant}


def test_the_map_marks_conflicts_and_leads_to_them(dashboard):
    marks = dashboard.locator(".conflict-mark")
    expect(marks).to_have_count(1)
    assert marks.get_attribute("data-admin1") == "RU-KLU"
    marks.click()
    expect(dashboard.locator("#area-chip")).to_contain_text("RU-KLU")
    wait_ready(dashboard)
    assert dashboard.locator("#conflicts .event-card").count() == 1
    # the conflicting region's border stands out even on the darkest fill
    assert "drop-shadow" in dashboard.eval_on_selector(
        'path.region.has-conflict[data-admin1="RU-KLU"]', "e => getComputedStyle(e).filter"
    )


def test_undated_claims_stay_in_a_date_window_only_when_ticked(dashboard):
    dashboard.fill("#filters input[name=since]", "2026-11-21")
    dashboard.dispatch_event("#filters input[name=since]", "change")
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(5)  # 4 dated, 1 undated
    dashboard.uncheck("#filters input[name=undated]")
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(4)
    wait_ready(dashboard)
    assert "undated=false" in dashboard.url


def test_the_time_series_keeps_claim_types_and_claimants_apart(dashboard):
    series = set(
        dashboard.eval_on_selector_all(
            "#timeseries polyline.series", "els => els.map(e => e.dataset.series)"
        )
    )
    assert {"launched · Ukrainian Air Force", "destroyed · Ukrainian Air Force"} <= series
    assert {
        "destroyed · Russian Ministry of Defense",
        "destroyed · Governor of Kaluga Oblast",
    } <= series
    # a real time axis: 1 Nov to 20 Nov is nineteen times 20 Nov to 21 Nov
    xs = {
        title.split(" · ")[0]: float(cx)
        for title, cx in dashboard.eval_on_selector_all(
            "#timeseries circle.point",
            "els => els.map(e => [e.querySelector('title').textContent, e.getAttribute('cx')])",
        )
    }
    assert xs["2026-11-20"] - xs["2026-11-01"] == pytest.approx(
        19 * (xs["2026-11-21"] - xs["2026-11-20"])
    )


def test_a_shared_url_restores_its_filters(browser, server, dashboard):
    dashboard.select_option("#filters select[name=weapon]", "uav")
    wait_ready(dashboard)
    dashboard.fill("#filters input[name=since]", "2026-11-20")
    dashboard.dispatch_event("#filters input[name=since]", "change")
    wait_ready(dashboard)
    dashboard.locator('path.region[data-admin1="RU-KLU"]').dispatch_event("click")
    expect(dashboard.locator("#area-chip")).to_contain_text("RU-KLU")
    wait_ready(dashboard)
    shown = texts(dashboard, "#claims-table tbody tr td:nth-child(2)")
    shared = dashboard.url
    assert "weapon=uav" in shared and "admin1=RU-KLU" in shared and "since=2026-11-20" in shared

    context, other = open_page(browser, server[0], "/" + shared.split("/", 3)[3])
    try:
        assert other.input_value("#filters select[name=weapon]") == "uav"
        assert other.input_value("#filters input[name=since]") == "2026-11-20"
        assert "RU-KLU" in other.inner_text("#area-chip")
        assert texts(other, "#claims-table tbody tr td:nth-child(2)") == shown
        assert other.errors == []
    finally:
        context.close()


def test_a_phone_sized_screen_scrolls_only_down(browser, server):
    context, page = open_page(browser, server[0], width=390, height=844)
    try:
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-390px.png"), full_page=True)
        assert overflow == 0
        assert page.errors == []
    finally:
        context.close()
