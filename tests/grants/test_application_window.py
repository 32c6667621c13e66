"""An application is received only inside the scheme's window: from its first day to its last,
both included, whatever the hour."""

import datetime

import pytest

from grants import services
from grants.models import ApplicationStatus
from tests.grants.factories import ApplicationFactory, local
from tests.validation import codes, refusal


def submitted_at(application, when):
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = when
    return application


@pytest.mark.parametrize("when", [local(2006, 9, 1, 0, 0), local(2006, 10, 31, 23, 59)])
def test_an_application_is_received_on_the_first_and_the_last_day(kk, when):
    application = submitted_at(ApplicationFactory(scheme=kk.scheme, organisation=kk.club), when)

    application.full_clean()


def test_an_application_the_day_before_the_window_opens_is_refused(kk):
    application = submitted_at(ApplicationFactory(scheme=kk.scheme, organisation=kk.club), local(2006, 8, 31, 23, 59))

    error = refusal(application)

    assert codes(error) == {"status": ["window_not_open"]}
    assert "1. september 2006" in error.messages[0]


def test_an_application_the_day_after_the_deadline_is_refused(kk):
    application = submitted_at(ApplicationFactory(scheme=kk.scheme, organisation=kk.club), local(2006, 11, 1, 0, 0))

    error = refusal(application)

    assert codes(error) == {"status": ["window_closed"]}
    assert "31. oktober 2006" in error.messages[0]


@pytest.mark.parametrize(
    ("day", "received"),
    [
        (datetime.date(2006, 8, 31), False),
        (datetime.date(2006, 9, 1), True),
        (datetime.date(2006, 10, 31), True),
        (datetime.date(2006, 11, 1), False),
    ],
)
def test_submitting_is_received_only_in_the_window(kk, today, day, received):
    draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club)
    today(day)

    if received:
        application = services.application_submit(application=draft, submitted_by=kk.representative)
        assert application.status == ApplicationStatus.SUBMITTED
    else:
        with pytest.raises(Exception) as excinfo:
            services.application_submit(application=draft, submitted_by=kk.representative)
        assert codes(excinfo.value)["status"][0] in {"window_not_open", "window_closed"}
        draft.refresh_from_db()
        assert draft.status == ApplicationStatus.DRAFT


def test_a_draft_can_be_started_before_the_window_opens_but_not_after_it_closes(kk):
    ApplicationFactory(scheme=kk.scheme, organisation=kk.club, created_at=local(2006, 8, 1, 9)).full_clean()

    late = ApplicationFactory.build(scheme=kk.scheme, organisation=kk.club, created_at=local(2006, 11, 1, 9))

    assert codes(refusal(late)) == {"scheme": ["scheme_closed"]}


def test_the_window_cannot_close_before_it_opens(kk):
    kk.scheme.closes_on = datetime.date(2006, 8, 31)

    assert codes(refusal(kk.scheme)) == {"closes_on": ["closes_before_opening"]}


def test_one_organisation_may_hold_several_applications(kk, today):
    today(datetime.date(2006, 10, 2))
    for title in ("Seniormotion", "Julefrokost", "Udflugt"):
        draft = ApplicationFactory(scheme=kk.scheme, organisation=kk.club, title=title)
        services.application_submit(application=draft, submitted_by=kk.representative)

    assert kk.club.grant_applications.filter(status=ApplicationStatus.SUBMITTED).count() == 3
