"""The people around a hearing: the sending administration's caseworker, a caseworker of another
administration, the policy owner, a member of the consulted body, a member of another body and a
citizen with no role. The hearing opened on 1 March 2024, deadline 2 April, meeting 10 April."""

import datetime

import pytest
from django.urls import reverse

from policies.models import Hearing, HearingStatus
from tests import factories

OPENS = datetime.date(2024, 3, 1)
DEADLINE = datetime.date(2024, 4, 2)
MEETING = datetime.date(2024, 4, 10)


@pytest.fixture(autouse=True)
def hearing_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def municipality(db):
    return factories.MunicipalityFactory()


@pytest.fixture
def administration(municipality):
    return factories.AdministrationFactory(municipality=municipality)


@pytest.fixture
def body(municipality):
    return factories.ConsultedBodyFactory(municipality=municipality, name="Kontaktudvalget")


@pytest.fixture
def other_body(municipality):
    return factories.ConsultedBodyFactory(municipality=municipality, name="Ældrerådet")


@pytest.fixture
def hearing(administration, body):
    hearing = Hearing.objects.create(
        administration=administration,
        title="Høring om tilskudsregler",
        summary="Nye regler for §18-tilskud.",
        case_number="2024-123",
        opens_on=OPENS,
        response_deadline=DEADLINE,
        deciding_meeting_on=MEETING,
        status=HearingStatus.OPEN,
    )
    hearing.consulted_bodies.add(body)
    return hearing


@pytest.fixture
def people(administration, body, other_body, municipality):
    caseworker = factories.UserFactory(username="sagsbehandler")
    administration.caseworkers.add(caseworker)
    other_caseworker = factories.UserFactory(username="anden")
    factories.AdministrationFactory(municipality=municipality).caseworkers.add(other_caseworker)
    owner = factories.UserFactory(username="ejer")
    municipality.policy_owners.add(owner)
    member = factories.UserFactory(username="medlem", email="medlem@example.org")
    factories.BodyMembershipFactory(body=body, user=member, on_behalf_of="Frivilligt Forum",
                                    starts_on=datetime.date(2020, 1, 1))
    other_member = factories.UserFactory(username="andetmedlem")
    factories.BodyMembershipFactory(body=other_body, user=other_member, starts_on=datetime.date(2020, 1, 1))
    citizen = factories.UserFactory(username="borger")
    return {
        "anonymous": None, "citizen": citizen, "member": member, "other_member": other_member,
        "caseworker": caseworker, "other_caseworker": other_caseworker, "owner": owner,
    }


@pytest.fixture
def today(monkeypatch):
    """``today(date)``: make that day the portal's today, for models, services and views."""

    def set_today(day):
        from django.utils import timezone

        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)

    return set_today


def url(name, **kwargs):
    return reverse(f"policies:{name}", kwargs=kwargs)
