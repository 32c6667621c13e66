"""Small helpers for the plan editor's tests."""

import re

from django.urls import reverse


def point(plan, number):
    return plan.policy.points.get(number=number)


def is_login_redirect(response):
    return response.status_code == 302 and response.url.startswith(reverse("portal:login"))


def messages_of(response):
    """The messages shown on a page reached with ``follow=True``."""
    return [str(message) for message in response.context["messages"]]


def numbers_in(text):
    return re.findall(r"\d+", text)


def form_errors(response, form="form"):
    """Every error of the page's form, field errors and non-field errors alike, as one text."""
    errors = response.context[form].errors
    return " ".join(message for messages in errors.values() for message in messages)
