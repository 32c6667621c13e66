"""Which pages the portal has, found from the URL configuration and the demo data.

Nothing here lists a page by hand. ``url_patterns()`` walks the resolver; each
role's crawl starts from every pattern without parameters and every demo
object's ``get_absolute_url()`` (plus ``crawl_data.extra_urls()``), and follows the links,
redirects and form actions it is shown. A page added by anyone is checked as soon
as it is in a ``urls.py`` and either needs no parameters, is some object's
address, or is linked from a page some role sees.

Two passes use the same crawl:

- ``crawl()`` over HTTP with Django's test client (no browser): every status,
  content type and HTML document, and every form sent empty. It feeds the checks
  that need all roles at once (every pattern reached, nothing fails, valid HTML).
- ``BrowserChecks`` in Chromium for one role: axe-core and the 320 px layout on a
  sample of each pattern's pages, and on each form's answer when sent empty.
"""

import json
import logging
import re
from collections import Counter, defaultdict, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse

from portal.demo import DEMO_USERS
from tests.browser import crawl_data, helpers

# A citizen, then every demo user of load_demo (one per role).
ROLES = ["anonymous", *(user["username"] for user in DEMO_USERS)]

# Not the portal's own pages: Django's admin (its own templates, tested by Django)
# and the footer's language switch (a POST to Django's set_language).
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language"}
# Forms never sent empty: signing out would end the role's crawl.
UNSENT_FORM_ACTIONS = {"portal:logout"}

# How much of each pattern a role fetches: every object's page (up to a limit),
# but few variants of the query string (pages, filters, "next month" links go on
# for ever). In the browser, a few pages of each pattern are enough to check
# its template with different data.
FETCHES_PER_PATTERN = 40
QUERY_VARIANTS_PER_PATTERN = 4
BROWSER_PAGES_PER_PATTERN = 2


# ---------------------------------------------------------------- the URL configuration

@dataclass(frozen=True)
class Pattern:
    name: str  # "policies:plan_detail"
    route: str  # "politik/<slug:slug>/planer/<slug:administration>/"
    callback: object = field(compare=False, repr=False)

    @property
    def answers_get(self):
        """False when the view plainly refuses GET; a function view shows it only when fetched (405)."""
        actions = getattr(self.callback, "actions", None)  # a REST framework viewset
        if actions is not None:
            return "get" in actions
        view_class = getattr(self.callback, "view_class", None) or getattr(self.callback, "cls", None)
        if view_class is not None:
            return "get" in view_class.http_method_names and hasattr(view_class, "get")
        methods = allowed_methods(self.callback)
        return methods is None or "GET" in methods

    @property
    def url_without_parameters(self):
        try:
            return reverse(self.name)
        except NoReverseMatch:
            return None


def allowed_methods(view):
    """The methods a function view allows through Django's ``require_http_methods`` (``require_POST`` …), or None.

    The decorator keeps its list in the closure of the function it returns; the
    ``__wrapped__`` chain leads to it under other decorators (``login_required``).
    """
    while view is not None:
        code = getattr(view, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars:
            return set(view.__closure__[code.co_freevars.index("request_method_list")].cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


def url_patterns():
    """Every named pattern of the portal, namespaced, but the skipped ones (the first of each name)."""
    found = {}

    def walk(patterns, namespace, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(part for part in (namespace, entry.namespace) if part)
                if inner.split(":")[0] in SKIPPED_NAMESPACES:
                    continue
                walk(entry.url_patterns, inner, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern) and entry.name:
                if getattr(entry.callback, "__module__", "") == "django.views.static":
                    continue  # static and media files
                name = f"{namespace}:{entry.name}" if namespace else entry.name
                if name not in SKIPPED_NAMES:
                    found.setdefault(name, Pattern(name, prefix + str(entry.pattern), entry.callback))

    walk(get_resolver().url_patterns, "", "")
    return list(found.values())


def pattern_name(path):
    """The namespaced name of the pattern serving ``path``, or None."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    return match.view_name if match.url_name else None


def is_skipped(path):
    if any(path.startswith("/" + prefix.lstrip("/")) for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix):
        return True
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return bool(set(match.namespaces) & SKIPPED_NAMESPACES) or match.view_name in SKIPPED_NAMES


def object_urls():
    """``get_absolute_url()`` of every object in the project's own apps (the demo data)."""
    urls, errors = [], []
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        if base not in Path(config.path).resolve().parents:
            continue
        for model in config.get_models():
            if not hasattr(model, "get_absolute_url") or model.__name__.startswith("Historical"):
                continue
            for obj in model._default_manager.all()[:FETCHES_PER_PATTERN]:
                try:
                    urls.append(obj.get_absolute_url())
                except Exception as error:  # noqa: BLE001 - a broken address is what we report
                    errors.append(f"{model.__name__} {obj.pk}: get_absolute_url() raised {error!r}")
    return urls, errors


def api_detail_urls():
    """For each REST framework viewset route with a lookup (``…-detail``), the addresses of a few objects."""
    urls = []
    for pattern in url_patterns():
        viewset = getattr(pattern.callback, "cls", None)
        queryset = getattr(viewset, "queryset", None)
        if "get" not in (getattr(pattern.callback, "actions", None) or {}) or queryset is None:
            continue
        lookup = viewset.lookup_url_kwarg or viewset.lookup_field
        for obj in queryset.all()[:BROWSER_PAGES_PER_PATTERN]:
            try:
                urls.append(reverse(pattern.name, kwargs={lookup: getattr(obj, viewset.lookup_field)}))
            except NoReverseMatch:
                break  # a list route, or one with more parameters
    return urls


def seed_urls(user=None):
    """Where a role's crawl starts: "/", the patterns without parameters, the demo objects, ``extra_urls``."""
    urls = ["/"]
    for pattern in url_patterns():
        url = pattern.url_without_parameters
        if url and pattern.answers_get:
            urls.append(url)
    found, errors = object_urls()
    urls.extend(found)
    urls.extend(api_detail_urls())
    urls.extend(crawl_data.extra_urls(user))
    return list(dict.fromkeys(url.split("#")[0] for url in urls)), errors


# ---------------------------------------------------------------- reading HTML

class PageLinks(HTMLParser):
    """The links, and the forms with their fields and buttons, of one HTML page."""

    NOT_FILLED_IN = {"hidden", "submit", "button", "image", "reset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        form = self.forms[-1] if self.forms and self.forms[-1]["open"] else None
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "link" and attrs.get("href") and "alternate" in (attrs.get("rel") or "").split():
            self.links.append(attrs["href"])
        elif tag == "form":
            self.forms.append(
                {
                    "index": len(self.forms),
                    "method": (attrs.get("method") or "get").lower(),
                    "action": attrs.get("action") or "",
                    "hidden": [],  # (name, value), sent as they are
                    "fields": [],  # (name, type) of what the user fills in, sent blank
                    "button": None,  # (name, value) of the first submit button
                    "open": True,
                }
            )
        elif form is None or "disabled" in attrs:
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            name = attrs.get("name")
            if kind == "hidden" and name:
                form["hidden"].append((name, attrs.get("value") or ""))
            elif kind in {"submit", "image"} and form["button"] is None:
                form["button"] = (name, attrs.get("value") or "") if name else ("", "")
            elif kind not in self.NOT_FILLED_IN:
                form["fields"].append((name, kind))
        elif tag in {"select", "textarea"}:
            form["fields"].append((attrs.get("name"), tag))
        elif tag == "button" and (attrs.get("type") or "submit").lower() == "submit" and form["button"] is None:
            form["button"] = (attrs["name"], attrs.get("value") or "") if attrs.get("name") else ("", "")

    def handle_endtag(self, tag):
        if tag == "form" and self.forms:
            self.forms[-1]["open"] = False


def json_links(data, origin):
    """Addresses of this site inside a JSON document (a REST framework API links its objects)."""
    if isinstance(data, dict):
        for value in data.values():
            yield from json_links(value, origin)
    elif isinstance(data, list):
        for value in data:
            yield from json_links(value, origin)
    elif isinstance(data, str) and (data.startswith(origin + "/") or data == origin):
        yield data


# ---------------------------------------------------------------- the crawl over HTTP

@dataclass
class Fetch:
    """One request of one role, as the server answered it (redirects are not followed)."""

    role: str
    url: str
    pattern: str | None
    status: int
    content_type: str
    via: str  # "seed", "link", "redirect", "form action" or "form sent empty"
    found_on: str | None = None
    location: str | None = None
    body: str | None = field(default=None, repr=False)  # of an HTML or JSON answer
    form: dict | None = field(default=None, repr=False)  # the form sent empty

    @property
    def is_html(self):
        return self.status == 200 and self.content_type.startswith("text/html") and self.body is not None

    def describe(self):
        if self.form is not None:
            return f"{self.url} after form {self.form['index'] + 1} on {self.found_on} was sent empty [{self.role}]"
        return f"{self.url} [{self.role}]"


@dataclass
class RoleCrawl:
    role: str
    fetches: list = field(default_factory=list)
    forms: list = field(default_factory=list)  # (page url, page pattern, form): one per kind of form
    seed_errors: list = field(default_factory=list)
    names: list = field(default_factory=list)  # how pages name the signed-in user


ORIGIN = "http://testserver"
CSRF_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]*"')


def client_for(role):
    """A test client signed in as the demo user ``role`` (the login form is tested in the journeys)."""
    client = Client(raise_request_exception=False)
    user = None
    if role != "anonymous":
        user = get_user_model().objects.filter(username=role).first()
        assert user is not None, f"load_demo did not create the demo user {role!r}"
        client.force_login(user)
    return client, user


@contextmanager
def refusals_unlogged():
    """Keep the expected 403, 404 and 405 answers of a crawl out of the log; server errors stay in it."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def user_names(user):
    """How a page may name the user (``str(user)``, the full name), longest first."""
    return sorted({str(user), user.get_full_name()} - {""}, key=len, reverse=True) if user else []


def normalised(html, names):
    """The page but for what differs between two roles shown the same page: CSRF token, user's name."""
    html = CSRF_TOKEN.sub(r'\1"', html)
    for name in names:
        html = html.replace(name, "\x00")
    return html


def crawl(role, send_forms=True):
    """Crawl the portal over HTTP as ``role``: every page it can reach, and its forms sent empty."""
    client, user = client_for(role)
    seeds, errors = seed_urls(user)
    result = RoleCrawl(role, seed_errors=errors, names=user_names(user))
    fetched, query_variants, seen, form_kinds = Counter(), Counter(), set(), set()
    queue = deque()

    def enqueue(href, via, found_on):
        absolute = urljoin(ORIGIN + (found_on or "/"), href)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != ORIGIN:
            return
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        if url not in seen and not is_skipped(parts.path):
            seen.add(url)
            queue.append((url, via, found_on))

    for url in seeds:
        enqueue(url, "seed", None)
    while queue:
        url, via, found_on = queue.popleft()
        name = pattern_name(urlsplit(url).path)
        if fetched[name] >= FETCHES_PER_PATTERN or ("?" in url and query_variants[name] >= QUERY_VARIANTS_PER_PATTERN):
            continue
        fetched[name] += 1
        query_variants[name] += "?" in url
        fetch = request(client, "get", url, role, via, found_on)
        result.fetches.append(fetch)
        if fetch.location and 300 <= fetch.status < 400:
            enqueue(fetch.location, "redirect", url)
        if fetch.is_html:
            page = PageLinks()
            page.feed(fetch.body)
            for href in page.links:
                enqueue(href, "link", url)
            for form in page.forms:
                action = urljoin(ORIGIN + url, form["action"] or url)
                action_pattern = pattern_name(urlsplit(action).path)
                if is_skipped(urlsplit(action).path) or action_pattern in UNSENT_FORM_ACTIONS:
                    continue
                # A POST form's target is fetched too: a page, or a POST-only action (405).
                enqueue(action, "form action" if form["method"] == "post" else "link", url)
                # Each kind of form is sent empty once. A form with nothing to fill in is a
                # button (submit the plan, adopt it): sending it is acting, not leaving it empty.
                kind = (name, form["index"], action_pattern)
                if form["method"] == "post" and form["fields"] and kind not in form_kinds:
                    form_kinds.add(kind)
                    result.forms.append((url, name, {**form, "action_url": action, "action_pattern": action_pattern}))
        elif fetch.status == 200 and "json" in fetch.content_type:
            try:
                data = json.loads(fetch.body or "null")
            except ValueError:
                data = None
            for href in json_links(data, ORIGIN):
                enqueue(href, "link", url)
    if send_forms:
        for page_url, _name, form in result.forms:
            result.fetches.append(send_empty(client, role, page_url, form))
    return result


def request(client, method, url, role, via, found_on, data=None):
    response = client.get(url) if method == "get" else client.post(url, data or {})
    content_type = response.get("Content-Type", "")
    # Read to the end (the client closes a streamed answer then, as a server would) but not
    # close it here: closing would close the database connection in the crawl's transaction.
    content = b"".join(response.streaming_content) if response.streaming else response.content
    body = None
    if content_type.startswith("text/html") or "json" in content_type:
        body = content.decode(response.charset or "utf-8", errors="replace")
    return Fetch(role, url, pattern_name(urlsplit(url).path), response.status_code, content_type, via, found_on,
                 response.get("Location"), body)


def send_empty(client, role, page_url, form):
    """Send a form as the browser would with every field left blank (its hidden fields and button kept)."""
    data = defaultdict(list)
    for name, value in form["hidden"]:
        data[name].append(value)
    for name, kind in form["fields"]:
        if name and kind not in {"checkbox", "radio"}:  # an unticked box sends nothing at all
            data[name].append("")
    if form["button"] and form["button"][0]:
        data[form["button"][0]].append(form["button"][1])
    action = urlsplit(form["action_url"])
    url = action.path + (f"?{action.query}" if action.query else "")
    fetch = request(client, "post", url, role, "form sent empty", page_url, dict(data))
    fetch.form = form
    return fetch


# ---------------------------------------------------------------- the browser


@dataclass
class PageCheck:
    """One page as Chromium showed it: axe-core's violations and the document's width at 320 px."""

    url: str
    pattern: str | None
    violations: list
    narrow_width: int
    narrow_offenders: list
    roles: list
    form: str | None = None  # "form 2 on /x/ sent empty"

    def describe(self):
        what = f"{self.url} after {self.form}" if self.form else self.url
        return f"{what} [{', '.join(self.roles)}]"


class BrowserChecks:
    """Checks one role's pages in Chromium: a sample of each pattern, and each kind of form sent empty.

    ``checked`` is shared by the roles of one test session: a page an earlier role
    had checked (the same HTML but for the CSRF token and the user's name) counts
    for this role too and is not loaded again.
    """

    def __init__(self, browser, base_url, role, checked):
        self.browser = browser
        self.base_url = base_url.rstrip("/")
        self.role = role
        self.checked = checked
        self.results = []
        self.problems = []

    def run(self, role_crawl, user):
        context = self.browser.new_context(locale="da-DK", viewport=helpers.DESKTOP)
        context.set_default_timeout(20_000)
        # axe-core in every page from the start: much faster than adding it to each page afterwards.
        context.add_init_script(path=str(helpers.AXE))
        if user is not None:
            context.add_cookies([{**signed_in_cookie(user), "url": self.base_url}])
        self.names = user_names(user)
        self.page = context.new_page()
        try:
            per_pattern = Counter()
            for fetch in role_crawl.fetches:
                if not fetch.is_html or fetch.form is not None:
                    continue
                if per_pattern[fetch.pattern] >= BROWSER_PAGES_PER_PATTERN:
                    continue
                if "?" in fetch.url and per_pattern[fetch.pattern]:
                    continue  # another query of a pattern already checked
                per_pattern[fetch.pattern] += 1
                self.check(fetch.url, fetch.pattern, fetch.body)
            for page_url, _name, form in role_crawl.forms:
                self.send_empty(page_url, form)
        finally:
            context.close()
        return self.results

    def check(self, url, pattern, html, form=None):
        key = (url, form, normalised(html, self.names))
        earlier = self.checked.get(key)
        if earlier is not None:
            earlier.roles.append(self.role)
            self.results.append(earlier)
            return
        if form is None:
            self.page.goto(self.base_url + url, wait_until="load")
        violations = helpers.axe_violations(self.page)
        width, offenders = helpers.narrow_overflow(self.page)
        result = PageCheck(url, pattern, violations, width, offenders, [self.role], form)
        self.checked[key] = result
        self.results.append(result)

    def send_empty(self, page_url, form):
        label = f"form {form['index'] + 1} on {page_url} sent empty"
        self.page.goto(self.base_url + page_url, wait_until="load")
        try:
            with self.page.expect_navigation(wait_until="load") as navigation:
                self.page.evaluate(SEND_EMPTY_JS, form["index"])
            navigation.value  # noqa: B018 - waits for the answer
        except Exception as error:  # noqa: BLE001 - reported; the crawl goes on
            self.problems.append(f"{label} [{self.role}] loaded no page: {error}")
            return
        final = urlsplit(self.page.url)
        url = final.path + (f"?{final.query}" if final.query else "")
        self.check(url, pattern_name(final.path), self.page.content(), form=label)


def signed_in_cookie(user):
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value}


# Blank every field the user fills in, switch off the browser's own checks, and
# send the form with its first submit button (its name and value go with it).
SEND_EMPTY_JS = """index => {
  const form = document.forms[index];
  form.noValidate = true;
  for (const el of form.elements) {
    const type = (el.type || '').toLowerCase();
    if (el.disabled || ['hidden', 'submit', 'button', 'image', 'reset'].includes(type)) continue;
    if (['BUTTON', 'FIELDSET', 'OUTPUT', 'OBJECT'].includes(el.tagName)) continue;
    if (type === 'checkbox' || type === 'radio') el.checked = false;
    else if (el.tagName === 'SELECT') {
      if (el.multiple) [...el.options].forEach(option => { option.selected = false; });
      else el.selectedIndex = [...el.options].findIndex(option => option.value === '');
    } else el.value = '';
  }
  const submitter = form.querySelector(
    'button[type=submit], button:not([type]), input[type=submit], input[type=image]');
  form.requestSubmit(submitter || undefined);
}"""
