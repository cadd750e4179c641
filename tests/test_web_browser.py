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
from test_api_queries import AIR_FORCE, GOVERNOR, MOD, TEXT_SCRIPT, build_sample

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
    assert dashboard.locator("#claims-table tbody tr").count() == 10
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
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(10)
    wait_ready(dashboard)  # the claimant list now offers every claimant again
    dashboard.select_option("#filters select[name=claimant]", GOVERNOR.claimant)
    expect(dashboard.locator("#claims-table tbody tr")).to_have_count(2)
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
