"""Each role's journeys through the portal in Chromium, with the demo data.

A new journey is a test asking for ``demo`` and ``page`` (and ``sign_in`` for a
demo user): ``sign_in(page, "sof")``, then click and read as that person would.
``t("…")`` gives the text as the Danish page shows it.
"""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

POLICY = "Københavns Kommunes frivillighedspolitik 2006"
SOF_PLAN = (
    "Plan for implementering af Københavns Kommunes nye frivillighedspolitik i Sundheds- og Omsorgsforvaltningen"
)


def test_citizen_reads_the_policy_and_a_plan(demo, page):
    page.goto("/")
    page.get_by_role("link", name=POLICY, exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(POLICY)
    expect(page.get_by_text("BR 754/05").first).to_be_visible()
    expect(page.get_by_role("heading", name="1. Sikring af dialogen")).to_be_visible()
    expect(page.get_by_role("heading", name="9. Støtte udviklingen af lokalt samarbejde")).to_be_visible()

    page.get_by_role("link", name="SOU 337/2006").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(SOF_PLAN)
    point_one = page.locator("#punkt-1")
    expect(point_one.get_by_role("heading", name="1. Sikring af dialogen")).to_be_visible()
    expect(point_one).to_contain_text("I forbindelse med politisk behandling af sager")


def test_citizen_sees_which_points_each_plan_answers(demo, page, t):
    page.goto("/")
    page.get_by_role("link", name=re.compile(re.escape(t("Overview of the plans")) + ".*" + re.escape(POLICY))).click()

    table = page.get_by_role("table")
    expect(table.get_by_role("row", name=re.compile("Sundheds- og Omsorgsforvaltningen"))).to_be_visible()
    expect(table.get_by_role("link", name="Sundheds- og Omsorgsforvaltningen")).to_be_visible()


def test_caseworker_signs_in(demo, page, sign_in, t):
    sign_in(page, "sof")

    header = page.get_by_role("banner")
    expect(header).to_contain_text("Demo Sagsbehandler (SOF)")
    expect(header.get_by_role("button", name=t("Log out"))).to_be_visible()
    expect(header.get_by_role("link", name=t("Log in"), exact=True)).to_have_count(0)


def test_wrong_password_is_refused(demo, page, sign_in, t):
    sign_in(page, "sof", password="forkert")

    expect(page.get_by_role("heading", level=1)).to_have_text(t("Log in"))
    expect(page.locator("main .alert-danger")).to_be_visible()
    expect(page.get_by_role("banner")).not_to_contain_text("Demo Sagsbehandler (SOF)")
