"""What the grants' page tests share: the formset data a browser sends, and the codes of a form's errors."""

import datetime

from django.urls import reverse

from tests.grants.factories import local


def formset_data(prefix, rows, *, initial=0):
    """The POST data of an inline formset with ``rows`` (a dict of fields each) and no more."""
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{index}-{name}"] = value
    return data


def form_codes(form):
    """The codes of a bound form's errors, by field: ``{"amount_granted": ["above_budget"]}``."""
    return {name: [error.code for error in errors] for name, errors in form.errors.as_data().items()}


def url(name, **kwargs):
    return reverse(f"grants:{name}", kwargs=kwargs)


IN_THE_WINDOW = datetime.date(2006, 10, 1)
RECEIVED = local(2006, 10, 1, 10)
