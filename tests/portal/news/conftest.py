"""News in Copenhagen (``copenhagen`` from tests/portal/conftest.py): a published item from
Sundheds- og Omsorgsforvaltningen, a draft of it, one waiting for its time, and a press release
for the municipality as a whole."""

import datetime

import pytest
from django.utils import timezone

from policies.models import Hearing, HearingStatus
from portal.models import NewsItem, NewsKind


def moment(days_from_now):
    return timezone.now() + datetime.timedelta(days=days_from_now)


def news(municipality, *, title, administration=None, published_at=None, **values):
    item = NewsItem(
        municipality=municipality,
        administration=administration,
        title=title,
        summary=values.pop("summary", f"Kort om {title}."),
        body=values.pop("body", "Første afsnit.\n\nAndet afsnit."),
        published_at=published_at,
        **values,
    )
    item.full_clean()
    item.save()
    return item


@pytest.fixture(autouse=True)
def fast(fast_passwords):
    pass


@pytest.fixture
def items(copenhagen):
    municipality, health = copenhagen.policy.municipality, copenhagen.health
    return {
        "published": news(municipality, title="Planen er klar", administration=health, published_at=moment(-2)),
        "draft": news(municipality, title="Udkast om status", administration=health),
        "waiting": news(municipality, title="Nyt i morgen", administration=health, published_at=moment(1)),
        "press": news(
            municipality,
            title="Pressemeddelelse om frivilligheden",
            kind=NewsKind.PRESS_RELEASE,
            contact_name="Frivilligkonsulenten",
            contact_phone="33 66 33 66",
            published_at=moment(-10),
        ),
    }


@pytest.fixture
def hearing(copenhagen):
    today = timezone.localdate()
    return Hearing.objects.create(
        administration=copenhagen.health,
        title="Høring om tilskudsregler",
        summary="Nye regler for §18-tilskud.",
        opens_on=today - datetime.timedelta(days=3),
        response_deadline=today + datetime.timedelta(days=30),
        deciding_meeting_on=today + datetime.timedelta(days=40),
        status=HearingStatus.OPEN,
    )
