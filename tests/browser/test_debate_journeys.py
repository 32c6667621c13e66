"""The debate in Chromium: a citizen signs up, confirms the address from the e-mail and starts a topic;
a moderator hides a reported post, and its author reads why."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PASSWORD = "Kanelsnegl-2026"


def test_a_citizen_signs_up_confirms_and_starts_a_topic(demo, page, t):
    page.goto("/debat/")
    page.get_by_role("link", name=t("Log in"), exact=True).click()
    page.locator("main a[href='/debat/tilmeld/']").click()
    page.get_by_label(t("Your e-mail address")).fill("hanne@example.org")
    page.get_by_label(t("display name")).fill("Hanne H.")
    page.get_by_label(t("Choose a password")).fill(PASSWORD)
    page.get_by_label(t("Repeat the password")).fill(PASSWORD)
    page.get_by_role("button", name=t("Create the account")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t("Your debate profile"))
    expect(page.get_by_text(t("not confirmed yet"))).to_be_visible()

    link = re.search(r"http\S+/debat/bekraeft/\S+/", mail.outbox[-1].body).group(0)
    page.goto(urlsplit(link).path)
    page.get_by_role("button", name=t("Confirm the address")).click()
    expect(page.locator("main .alert-success")).to_contain_text(t("Your e-mail address is confirmed. You can take part in the debate."))

    page.get_by_role("link", name=t("Start a topic")).click()
    page.get_by_label(t("Municipality")).select_option(label="Københavns Kommune")
    page.get_by_label(t("About"), exact=True).select_option(label="3. Borgerinddragelse")
    page.get_by_label(t("Title")).fill("Frivillige i bibliotekernes lektiecaféer")
    page.get_by_label(t("Your post")).fill("Hvem vil være med til at starte en lektiecafé på Nørrebro bibliotek?")
    page.get_by_role("button", name=t("Start the topic")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Frivillige i bibliotekernes lektiecaféer")
    expect(page.locator("main .alert-success")).to_have_text(t("Your post is shown."))
    expect(page.locator("main")).to_contain_text("Hanne H.")
    expect(page.locator("main")).not_to_contain_text("hanne@example.org")


def test_a_moderator_hides_the_reported_post_and_its_author_reads_why(demo, page, sign_in, t, context):
    sign_in(page, "ejer")
    page.goto("/oversigt/")
    page.get_by_role("link", name=t("Open the moderation queue")).click()
    reported = page.locator("article", has_text="FrivilligPro")
    reported.get_by_role("link", name=re.compile(t("Hide"))).click()
    page.get_by_label(t("Why is the post hidden?")).fill("Reklame for et firmas produkt hører ikke hjemme i debatten.")
    page.get_by_role("button", name=t("Hide the post")).click()

    expect(page.locator("main .alert-success")).to_have_text(t("The post is hidden, and its author has been told why."))
    assert "Reklame for et firmas produkt" in mail.outbox[-1].body

    context.clear_cookies()
    page.goto("/debat/")
    page.get_by_role("link", name="Dokumentation for § 79-tilskud: hvor meget er nødvendigt?").click()
    expect(page.locator("main")).to_contain_text(t("The post was hidden by a moderator."))
    expect(page.locator("main")).not_to_contain_text("FrivilligPro")
    expect(page.locator("main")).not_to_contain_text("Reklame for et firmas produkt")
