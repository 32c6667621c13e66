"""Chromium through Playwright against pytest-django's live server, with the demo data.

- A journey (``test_journeys.py``) asks for ``demo`` (the demo data, loaded for that
  test) and ``page`` (a fresh browser tab on the live server, asking for Danish);
  ``sign_in`` signs a demo user in through the login form, ``t`` translates the
  interface text the test looks for.
- The checks of every page read ``site_map`` (every role's crawl over HTTP, made
  once per test session) and ``checked_in_browser`` (one role's pages in Chromium,
  made once per role; the tests that use it run once per role). See ``discovery``.
"""

import io
import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from portal.demo import DEMO_PASSWORD
from tests.browser import crawl_data, discovery, helpers

# Playwright's sync API runs an event loop in this thread, which trips Django's
# async-safety check on every query the test makes while a browser is open.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# The production hasher would make seven demo passwords cost seconds per load.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def load_demo():
    """The demo data with its users (password "demo")."""
    call_command("load_demo", with_users=True, stdout=io.StringIO())


@pytest.fixture(scope="session")
def browser():
    helpers.require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = helpers.launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, live_server):
    context = browser.new_context(locale="da-DK", base_url=live_server.url, viewport=helpers.DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def demo(transactional_db, settings):
    """The demo data from the seed documents, with the demo users (password "demo")."""
    settings.PASSWORD_HASHERS = FAST_HASHERS
    load_demo()


@pytest.fixture
def t():
    """The interface text as the Danish page shows it, so that a test holds before and after translation."""

    def translate(text):
        with translation.override("da"):
            return translation.gettext(text)

    return translate


@pytest.fixture
def sign_in(t):
    """Sign in through the login form, as a person would: ``sign_in(page, "sof")``."""

    def sign_in(page, username, password=DEMO_PASSWORD):
        page.goto("/")
        page.get_by_role("link", name=t("Log in"), exact=True).click()
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("main form").get_by_role("button", name=t("Log in")).click()
        page.wait_for_load_state()
        return page

    return sign_in


@pytest.fixture(scope="session")
def crawl_media(tmp_path_factory):
    """Where the crawl's uploaded files go (``crawl_data`` attaches a document to a hearing)."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def site_map(django_db_setup, django_db_blocker, crawl_media):
    """Every role's crawl over HTTP with the demo data: ``{role: RoleCrawl}``.

    The data is loaded in a transaction and rolled back; each role starts from the
    same data (whatever its forms sent empty changed is rolled back too).
    """
    crawls = {}
    overrides = override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=crawl_media)
    with django_db_blocker.unblock(), overrides, discovery.refusals_unlogged(), transaction.atomic():
        load_demo()
        crawl_data.complete_the_demo()
        for role in discovery.ROLES:
            with transaction.atomic():
                crawls[role] = discovery.crawl(role)
                transaction.set_rollback(True)
        transaction.set_rollback(True)
    return crawls


@pytest.fixture(scope="session")
def pages_checked():
    """Every page checked in the browser so far, by its HTML: one role's check counts for the next."""
    return {}


@pytest.fixture(
    scope="session",
    params=[pytest.param(role, marks=pytest.mark.xdist_group(f"browser-{role}")) for role in discovery.ROLES],
)
def checked_in_browser(request, django_db_setup, django_db_blocker, browser, pages_checked, crawl_media):
    """One role's pages checked in Chromium (the tests are parametrised by role through it).

    Returns ``(role, checks, problems)``. The role gets the demo data afresh (the live
    server needs it committed), and the database is emptied again before any test
    runs. pytest-django's live server is asked for here rather than by the tests,
    so that reading the results does not cost each test a transactional database.
    """
    role = request.param
    live_server = request.getfixturevalue("live_server")
    overrides = override_settings(
        PASSWORD_HASHERS=FAST_HASHERS,
        MEDIA_ROOT=crawl_media,
        ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "localhost", "127.0.0.1"],
    )
    with django_db_blocker.unblock(), overrides, discovery.refusals_unlogged():
        try:
            load_demo()
            crawl_data.complete_the_demo()
            role_crawl = discovery.crawl(role, send_forms=False)
            user = get_user_model().objects.filter(username=role).first()
            checks = discovery.BrowserChecks(browser, live_server.url, role, pages_checked)
            return role, checks.run(role_crawl, user), checks.problems
        finally:
            call_command("flush", interactive=False, verbosity=0)
