"""Grants in Chromium, with the demo data: a representative completes and submits an application, a
caseworker decides one, a citizen reads the results."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n%%EOF\n"


def test_representative_attaches_the_statutes_and_submits(demo, page, sign_in, t, tmp_path):
    statutes = tmp_path / "vedtaegter.pdf"
    statutes.write_bytes(PDF)
    sign_in(page, "forening")
    page.get_by_role("link", name=t("My grants")).click()
    page.get_by_role("link", name="Besøgsvenner for ensomme ældre på Nørrebro").click()

    expect(page.locator("#submit-heading + p + ul")).to_contain_text("Vedtægter")
    page.get_by_label(t("title").capitalize()).fill("Vedtægter")
    page.get_by_label(t("file").capitalize()).set_input_files(str(statutes))
    page.get_by_role("button", name=t("Attach"), exact=True).click()
    page.get_by_role("button", name=t("Submit the application")).click()

    expect(page.locator(".badge").first).to_have_text(t("received, awaiting decision").capitalize())
    expect(page.get_by_role("button", name=t("Withdraw the application"))).to_be_visible()


def test_caseworker_grants_the_clubs_application(demo, page, sign_in, t):
    sign_in(page, "sof")
    page.goto("/tilskud/behandling/")
    page.get_by_role("link", name="Seniormotion og foredrag").click()
    page.get_by_role("link", name=t("Decide the application")).click()

    page.get_by_label(t("Grant"), exact=True).check()
    page.get_by_label(t("Decision reference")).fill("SOU 12/2027")
    page.get_by_role("button", name=t("Make the decision")).click()

    expect(page.locator("main")).to_contain_text("60.000 kr.")
    expect(page.locator("main")).to_contain_text("SOU 12/2027")


def test_citizen_reads_the_results_with_their_tables(demo, page, t):
    page.goto("/tilskud/")
    page.get_by_role("link", name=t("Results in figures")).first.click()
    page.get_by_role("link", name="Københavns Kommune").click()

    expect(page.get_by_role("img", name=re.compile(re.escape(t("Grants by year"))))).to_be_visible()
    table = page.get_by_role("table").first
    expect(table.get_by_role("row", name=re.compile("2007"))).to_contain_text("188.000 kr.")
