"""The municipality's policy owners keep its rules and its contact person for voluntary work in the
portal (they are not staff, so the admin is out of their reach); no one else reaches the page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from policies.models import Municipality
from tests import factories
from tests.policies.helpers import is_login_redirect, messages_of

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "representative", "caseworker", "other_owner", "owner"]

VALID = {
    "minimum_hearing_period_days": "42",
    "cooperation_agreement_threshold": "150000",
    "dialogue_meetings_per_year": "2",
    "debate_moderation": "before",
    "volunteer_contact_name": "Birgitte Frost",
    "volunteer_contact_title": "Frivilligkoordinator",
    "volunteer_contact_email": "frivillig@example.org",
    "volunteer_contact_phone": "+45 12 34 56 78",
}


@pytest.fixture
def municipality():
    return factories.MunicipalityFactory(name="Vesthimmerlands Kommune", slug="vesthimmerland")


@pytest.fixture
def people(municipality):
    owner = factories.UserFactory(username="vhm")
    municipality.policy_owners.add(owner)
    other_owner = factories.UserFactory(username="ejer")
    factories.MunicipalityFactory(slug="koebenhavn").policy_owners.add(other_owner)
    caseworker = factories.UserFactory(username="sagsbehandler")
    factories.AdministrationFactory(municipality=municipality).caseworkers.add(caseworker)
    representative = factories.UserFactory(username="forening")
    factories.OrganisationFactory(municipality=municipality).representatives.add(representative)
    return {
        "anonymous": None, "citizen": factories.UserFactory(username="borger"), "representative": representative,
        "caseworker": caseworker, "other_owner": other_owner, "owner": owner,
    }


def settings_url(slug="vesthimmerland"):
    return reverse("policies:municipality_settings", kwargs={"municipality": slug})


def codes(response, field):
    return [error.code for error in response.context["form"].errors.as_data()[field]]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_municipalitys_policy_owner_reaches_the_settings(client, municipality, people, role):
    if people[role]:
        client.force_login(people[role])

    got = client.get(settings_url())
    posted = client.post(settings_url(), VALID)

    if role == "anonymous":
        assert is_login_redirect(got) and is_login_redirect(posted)
    elif role == "owner":
        assert (got.status_code, posted.status_code) == (200, 302)
    else:
        assert (got.status_code, posted.status_code) == (404, 404)
    municipality.refresh_from_db()
    assert (municipality.minimum_hearing_period_days == 42) == (role == "owner")


def test_the_policy_owner_saves_the_rules_and_the_contact_person(client, municipality, people):
    client.force_login(people["owner"])

    response = client.post(settings_url(), VALID, follow=True)

    municipality.refresh_from_db()
    assert (municipality.minimum_hearing_period_days, municipality.cooperation_agreement_threshold) == (42, 150_000)
    assert (municipality.dialogue_meetings_per_year, municipality.debate_moderation) == (2, "before")
    assert (municipality.volunteer_contact_name, municipality.volunteer_contact_phone) == ("Birgitte Frost", "+45 12 34 56 78")
    assert messages_of(response) == ["Indstillingerne for Vesthimmerlands Kommune er gemt."]


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("minimum_hearing_period_days", "0", "min_value"),
        ("minimum_hearing_period_days", "400", "max_value"),
        ("cooperation_agreement_threshold", "-1", "min_value"),
        ("dialogue_meetings_per_year", "60", "max_value"),
        ("volunteer_contact_phone", "ring til rådhuset", "invalid_phone"),
        ("volunteer_contact_email", "ikke-en-adresse", "invalid"),
    ],
)
def test_a_setting_out_of_range_is_refused_next_to_it_keeping_what_was_typed(client, municipality, people, field, value, code):
    client.force_login(people["owner"])

    response = client.post(settings_url(), {**VALID, field: value})

    assert response.status_code == 200
    assert codes(response, field) == [code]
    assert f'value="{value}"' in response.content.decode()
    assert Municipality.objects.get(pk=municipality.pk).minimum_hearing_period_days == 28


def test_the_contact_persons_details_need_their_name(client, municipality, people):
    client.force_login(people["owner"])

    response = client.post(settings_url(), {**VALID, "volunteer_contact_name": ""})

    assert codes(response, "volunteer_contact_name") == ["contact_name_required"]
    assert "Angiv kontaktpersonens navn" in response.content.decode()


def test_a_contact_person_can_be_reached(municipality):
    municipality.volunteer_contact_name = "Birgitte Frost"

    with pytest.raises(ValidationError) as error:
        municipality.full_clean()

    assert [e.code for e in error.value.error_dict["volunteer_contact_email"]] == ["contact_unreachable"]


def test_no_contact_person_at_all_is_allowed(municipality):
    municipality.full_clean()


def test_the_dashboard_links_the_policy_owner_to_the_settings_and_the_council_set_up(client, municipality, people):
    for role in ("owner", "caseworker", "other_owner"):
        client.force_login(people[role])
        page = client.get(reverse("portal:dashboard")).content.decode()
        create = reverse("policies:council_create", kwargs={"municipality": "vesthimmerland"})
        assert (settings_url() in page, create in page) == ((True, True) if role == "owner" else (False, False)), role


def test_the_settings_page_runs_a_fixed_number_of_queries(client, municipality, people, django_assert_max_num_queries):
    client.force_login(people["owner"])

    with django_assert_max_num_queries(6):
        client.get(settings_url())
