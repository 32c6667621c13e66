"""Every page of the portal, as every role reaches it over HTTP: each pattern is reached,
nothing fails, downloads and feeds say what they are, and the HTML is valid (also of
each form sent empty, normally shown again with its errors).

The pages are not listed here: ``discovery`` finds them from the URL configuration
and the demo data, and each role crawls what it is shown (``conftest.site_map``).
A pattern that no role reached fails ``test_every_page_is_reached`` until a page
links to it, it is an object's ``get_absolute_url()``, ``crawl_data`` makes it
reachable, or it is excluded below with the reason.
"""

import mimetypes
from collections import defaultdict
from urllib.parse import urlsplit

import pytest

from tests.browser import discovery, helpers

# One xdist worker crawls once for all of them; the tests only read the results.
pytestmark = [pytest.mark.xdist_group("site-map"), pytest.mark.django_db]

# Named patterns no crawl has to reach, each with its reason. POST-only actions need
# no entry: a class-based view without get(), a function view under require_POST, or
# one that answers 405 to GET (fetched as a form's action) is not a page.
EXCLUDED = {
    "policies:hearing_subscription_confirm": (
        "the link mailed to a new subscriber confirms and redirects to the hearings: no page of its own "
        "(crawl_data.extra_urls fetches it, so it must not fail)"
    ),
    "policies:meeting_signup_confirm": (
        "the link mailed to a citizen who signs up confirms the seat and redirects to the meeting: no page of "
        "its own (crawl_data.extra_urls fetches it, so it must not fail)"
    ),
    "debate:post_detail": (
        "a post's address redirects to the page of its topic where the post stands: no page of its own (the "
        "crawl follows it from the moderation queue and one's own posts, so it must not fail)"
    ),
}

# What a pattern must answer with when its address has no telling extension (.ics, .csv …).
CONTENT_TYPES = {
    # "app:feed": "text/calendar",
}


def all_fetches(site_map):
    return [fetch for crawl in site_map.values() for fetch in crawl.fetches]


def test_excluded_patterns_still_exist():
    names = {pattern.name for pattern in discovery.url_patterns()}

    assert not set(EXCLUDED) - names, f"EXCLUDED names patterns that no longer exist: {sorted(set(EXCLUDED) - names)}"


def test_every_page_is_reached(site_map):
    fetches = all_fetches(site_map)
    reached = {fetch.pattern for fetch in fetches if fetch.status == 200 and fetch.via != "form sent empty"}
    post_only = {fetch.pattern for fetch in fetches if fetch.status == 405}
    answers = defaultdict(set)
    for fetch in fetches:
        answers[fetch.pattern].add(f"{fetch.status} to {fetch.role}")

    missing = [
        pattern
        for pattern in discovery.url_patterns()
        if pattern.answers_get and pattern.name not in set(EXCLUDED) | reached | post_only
    ]

    assert not missing, (
        "No role reached these pages with the demo data. Link to them from a page a role sees, give their "
        "object a get_absolute_url(), have load_demo create one, add what it needs to tests/browser/crawl_data.py, "
        "or add them to EXCLUDED with the reason:\n"
        + "\n".join(
            f"  {p.name}  /{p.route}"
            + (f"  (answered {', '.join(sorted(answers[p.name]))})" if answers[p.name] else "")
            for p in missing
        )
    )


def test_no_page_fails(site_map):
    failures = defaultdict(list)  # what failed → the roles it failed for
    for fetch in all_fetches(site_map):
        if fetch.status >= 500:
            where = f"after form {fetch.form['index'] + 1} on {fetch.found_on} was sent empty" if fetch.form else (
                f"reached by {fetch.via} from {fetch.found_on or 'the seeds'}"
            )
            failures[f"{fetch.status}: {fetch.url}, {where}"].append(fetch.role)
        elif fetch.status >= 400 and fetch.via in {"link", "redirect"}:
            # A seed may be beyond a role's reach; what a page offers it must work.
            failures[f"{fetch.status}: {fetch.url}, linked from {fetch.found_on}"].append(fetch.role)
    errors = site_map["anonymous"].seed_errors

    assert not errors, "Demo objects without an address:\n" + "\n".join(f"  {error}" for error in errors)
    assert not failures, "Pages that fail:\n" + "\n".join(
        f"  {failure} [{', '.join(roles)}]" for failure, roles in failures.items()
    )


def test_downloads_and_feeds_answer_with_their_content_type(site_map):
    wrong = []
    for fetch in all_fetches(site_map):
        if fetch.status != 200:
            continue
        expected = CONTENT_TYPES.get(fetch.pattern) or mimetypes.guess_type(urlsplit(fetch.url).path)[0]
        actual = fetch.content_type.split(";")[0].strip()
        if not actual or (expected and actual != expected):
            wrong.append(f"  {fetch.describe()}: {actual or 'no Content-Type'}, expected {expected}")

    assert not wrong, "Answers with the wrong content type:\n" + "\n".join(wrong)


def test_forms_are_sent_empty(site_map):
    # The harness itself: the login form, at least, is found, sent empty and shown again with its errors.
    sent = [fetch for fetch in site_map["anonymous"].fetches if fetch.form and fetch.pattern == "portal:login"]

    assert sent, "No role sent the login form empty: are forms still found?"
    assert sent[0].status == 200 and "is-invalid" in sent[0].body


def test_html_is_valid(site_map):
    helpers.require_validator()
    documents = {}
    for crawl in site_map.values():
        for fetch in crawl.fetches:
            # Every page, and every form's answer when sent empty (a 4xx answer is still a page).
            answer = fetch.form is not None and fetch.status < 500 and fetch.content_type.startswith("text/html")
            if fetch.is_html or (answer and fetch.body):
                documents.setdefault(discovery.normalised(fetch.body, crawl.names), fetch)
    labels = {fetch.describe(): fetch.body for fetch in documents.values()}

    errors = helpers.validate_html(labels)

    assert not errors, "HTML errors (the Nu HTML checker):\n" + helpers.describe_html_errors(errors)
