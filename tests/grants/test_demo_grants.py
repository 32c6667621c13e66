"""``load_demo``'s grants: the seeds' schemes and rules (§ 79's documentation, cooperation agreements
over 100,000 kr, § 18 with formalities kept to the minimum), and schemes of the current year that
give every flow something to do; a second run, even on a later day, writes nothing."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from grants.models import Application, CooperationAgreement, GrantScheme, LegalBasis, ReportStatus, granted_in_year
from organisations.models import Organisation
from portal import deadlines

pytestmark = pytest.mark.django_db


def load_demo():
    out = io.StringIO()
    call_command("load_demo", with_users=True, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    load_demo()


def test_section_79_documents_attendance_and_members(loaded):
    section_79 = LegalBasis.objects.get(municipality__slug="koebenhavn", name="Serviceloven § 79")

    assert section_79.required_documentation() == ["attendance", "members"]
    assert "dokumentation af fremmøde og antal medlemmer" in section_79.documentation_note


def test_the_club_granted_over_100000_kr_in_2007_has_its_cooperation_agreement(loaded):
    amager = Organisation.objects.get(slug="amager-seniorforening")

    assert granted_in_year(amager, 2007) == 125_000
    assert CooperationAgreement.objects.on_file(amager, 2007)


def test_the_integration_scheme_asks_for_no_budget(loaded):
    scheme = GrantScheme.objects.get(name="§ 18-puljen: frivilligt socialt arbejde på integrationsområdet 2008")

    assert (scheme.requires_goals, scheme.requires_budget) == (True, False)


def test_this_years_schemes_give_each_role_something_to_do(loaded):
    open_scheme = GrantScheme.objects.open_for_applications().get()
    forum = Application.objects.get(organisation__slug="frivilligt-forum", scheme=open_scheme)

    assert forum.is_draft and [p.code for p in forum.submission_problems()] == ["attachment_missing"]
    assert Application.objects.awaiting_decision().filter(scheme=open_scheme).exists()
    statuses = set(Application.objects.granted().filter(scheme__year=timezone.localdate().year).values_list("report__status", flat=True))
    assert statuses == {None, ReportStatus.SUBMITTED, ReportStatus.RETURNED}


def test_an_overdue_report_stands_on_the_caseworkers_dashboard(loaded):
    from django.contrib.auth import get_user_model

    sof = get_user_model().objects.get(username="sof")

    solsikken = Application.objects.get(organisation__slug="aeldreklubben-solsikken")

    overdue = [d for d in deadlines.deadlines_for(sof) if d.kind == "grant_report" and d.is_overdue]

    assert [d.url for d in overdue] == [solsikken.get_absolute_url()]


def test_a_second_run_a_year_later_writes_nothing(loaded, monkeypatch):
    later = timezone.localdate() + datetime.timedelta(days=400)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)

    with translation.override("en"):
        assert "Nothing changed" in load_demo()
    assert GrantScheme.objects.count() == 6
