"""The main journeys by keyboard alone: Tab, Enter and typing, nothing else.

Every stop of the focus on the way must be visible (``helpers.tab_until``).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import helpers

pytestmark = pytest.mark.browser


def press_enter_and_wait(page, url_pattern):
    page.keyboard.press("Enter")
    page.wait_for_url(url_pattern)


def test_skip_link_comes_first_and_moves_to_the_content(demo, page, t):
    page.goto("/")

    first = helpers.tab_until(page, lambda element: True, limit=1)
    assert first["text"] == t("Skip to content")

    page.keyboard.press("Enter")
    assert helpers.focused(page)["id"] == "main"


def test_keyboard_reaches_the_policy_and_a_plan(demo, page):
    page.goto("/")

    helpers.tab_until(page, lambda element: element["href"] == "/politik/koebenhavn-2006/")
    press_enter_and_wait(page, re.compile(r"/politik/koebenhavn-2006/$"))
    helpers.tab_until(page, lambda element: (element["href"] or "").endswith("/sundheds-og-omsorgsforvaltningen/"))
    press_enter_and_wait(page, re.compile(r"/planer/sundheds-og-omsorgsforvaltningen/$"))

    expect(page.get_by_role("heading", level=1)).to_contain_text("Sundheds- og Omsorgsforvaltningen")


@pytest.mark.parametrize("width", [helpers.DESKTOP["width"], helpers.NARROW["width"]], ids=["desktop", "320px"])
def test_sign_in_by_keyboard(demo, page, t, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto("/")

    if width < 992:  # Bootstrap's navbar-expand-lg folds the menu away: open it first.
        helpers.tab_until(page, lambda element: element["expanded"] == "false")
        page.keyboard.press("Enter")
        expect(page.locator("#main-menu")).to_be_visible()
    helpers.tab_until(page, lambda element: element["text"] == t("Log in"))
    press_enter_and_wait(page, re.compile(r"/log-ind/"))
    helpers.tab_until(page, lambda element: element["name"] == "username")
    page.keyboard.type("sof")
    helpers.tab_until(page, lambda element: element["name"] == "password", limit=1)
    page.keyboard.type("demo")
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.get_by_role("banner")).to_contain_text("Demo Sagsbehandler (SOF)")
    expect(page.get_by_role("button", name=t("Log out"), include_hidden=True)).to_have_count(1)
