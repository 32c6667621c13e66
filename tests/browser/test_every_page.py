"""Every page of the portal in Chromium, for every role: no WCAG 2.1 A/AA violation that
axe-core finds, no sideways scrolling at 320 px, also after each form is sent empty.

The pages are those of the role's crawl (``discovery``), a few of each pattern.
"""

import pytest

from tests.browser import helpers

# Parametrised by role through ``checked_in_browser``, which also keeps each role's
# tests on one xdist worker. The database is needed, but the tests only read results.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_pages_pass_axe(checked_in_browser):
    role, checks, _problems = checked_in_browser
    failing = [check for check in checks if check.violations]

    assert checks, f"{role} reached no page at all"
    assert not failing, f"WCAG 2.1 A/AA violations (axe-core) for {role}:\n" + helpers.describe_violations(failing)


def test_pages_fit_a_320px_screen(checked_in_browser):
    _role, checks, _problems = checked_in_browser
    too_wide = [check for check in checks if check.narrow_width > helpers.NARROW["width"]]

    assert not too_wide, "Pages that scroll sideways at 320 px:\n" + "\n".join(
        f"  {check.describe()}: {check.narrow_width} px wide; sticking out: {', '.join(check.narrow_offenders)}"
        for check in too_wide
    )


def test_forms_sent_empty_answer_with_a_page(checked_in_browser):
    _role, _checks, problems = checked_in_browser

    assert not problems, "\n".join(problems)
