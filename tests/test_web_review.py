"""Review mode in Debian's Chromium: the seed's Kaluga claims reviewed with the keyboard only."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from reconcile_cases import KALUGA, ledger_with, seed_batch
from skyledger.api import create_app
from skyledger.reconcile import update_events
from skyledger.review import history
from skyledger.users import add_user
from test_web_browser import browser, require_chromium, serving, wait_ready  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.fixture(params=[False, True], ids=["public", "private"])
def server(request, tmp_path):
    require_chromium()
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    engine = ledger_with(url, seed_batch())
    update_events(engine)
    token = add_user(engine, "anna")
    with serving(create_app(engine=engine, private=request.param)) as base:
        yield base, token, engine, request.param


def shown_claim(page) -> dict:
    fields = page.locator("#review-fields")
    names = fields.locator("dt").all_inner_texts()
    values = fields.locator("dd").all_inner_texts()
    return {
        "id": int(fields.get_attribute("data-claim-id")),
        **dict(zip(names, values, strict=True)),
    }


def test_reviewing_the_seed_kaluga_claims_with_the_keyboard_updates_the_conflict(browser, server):  # noqa: F811
    base, token, engine, private = server
    page = browser.new_context(viewport={"width": 1400, "height": 1100}).new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + "/")
    kaluga = page.locator("#events li.conflict-event")
    if private:  # nothing to read before a token is given
        page.wait_for_selector("body[data-state=error]")
    else:
        wait_ready(page)
        expect(kaluga).to_contain_text("10–11 (best 10)")

    page.keyboard.press("v")
    expect(page.locator("#review-token")).to_be_focused()
    page.keyboard.type(token)
    page.keyboard.press("Enter")
    expect(page.locator("#review-left")).to_have_text("7 claims left to review")
    wait_ready(page)
    expect(kaluga).to_contain_text("10–11 (best 10)")

    reviewed, governor_id = 0, None
    for _ in range(12):
        page.wait_for_selector("#review-fields[data-claim-id]")
        claim = shown_claim(page)
        if "RU-KLU" not in claim["Region"]:
            page.keyboard.press("n")
        elif claim["Claimant"] == KALUGA and claim["Claim"].startswith("destroyed"):
            governor_id = claim["id"]
            page.keyboard.press("e")
            expect(page.locator("#review-count-input")).to_be_focused()
            page.keyboard.type("28")
            page.keyboard.press("Enter")
            reviewed += 1
        else:
            page.keyboard.press("c")
            reviewed += 1
        if reviewed == 3:
            break
        expect(page.locator("#review-fields")).not_to_have_attribute(
            "data-claim-id", str(claim["id"])
        )
    assert reviewed == 3 and governor_id is not None
    expect(page.locator("#review-left")).to_have_text("4 claims left to review")
    expect(page.locator("#review-message")).to_contain_text("confirmed")
    wait_ready(page)
    expect(kaluga).to_contain_text("10–28 (best 10)")
    assert [(r["reviewer"], r["fields"]) for r in history(engine, governor_id)] == [
        ("anna", {"count": 28})
    ]
    assert errors == []
