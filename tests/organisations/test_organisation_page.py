"""An organisation's page: its profile, contact (the person only with consent) and upcoming activities."""

import datetime

from django.utils import timezone

from tests.organisations.factories import ActivityFactory, OrganisationFactory, UserFactory, organisation_with


def test_page_shows_profile_and_vocabulary(client, copenhagen):
    organisation = organisation_with(
        municipality=copenhagen,
        name="Ældre Sagen Østerbro",
        purpose="Besøgsvenner for ældre.",
        cvr="20700211",
        email="oesterbro@example.org",
        phone="33 66 33 66",
        target_groups=["Ældre"],
        districts=["Østerbro"],
        volunteers_count=42,
    )

    response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
    for text in ["Ældre Sagen Østerbro", "Besøgsvenner for ældre.", "20700211", "oesterbro@example.org", "42"]:
        assert text in response.text
    assert "<dd class=\"col-sm-7\">Ældre</dd>" in response.text


def test_contact_person_shown_only_with_consent(client, copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, contact_person="Karen Jensen")

    assert "Karen Jensen" not in client.get(organisation.get_absolute_url()).text

    organisation.contact_consent = True
    organisation.save()
    assert "Karen Jensen" in client.get(organisation.get_absolute_url()).text


def test_page_lists_upcoming_activities_not_past_ones(client, copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen)
    now = timezone.now()
    ActivityFactory(organisation=organisation, title="Gåtur i næste uge", starts_at=now + datetime.timedelta(days=7))
    ActivityFactory(organisation=organisation, title="Gåtur sidste år", starts_at=now - datetime.timedelta(days=365))

    response = client.get(organisation.get_absolute_url())

    assert "Gåtur i næste uge" in response.text
    assert "Gåtur sidste år" not in response.text


def test_unlisted_page_is_404_for_the_public_but_open_to_its_representative(client, copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, hidden_reason="Ophørt i 2024.")
    representative = UserFactory()
    organisation.representatives.add(representative)

    assert client.get(organisation.get_absolute_url()).status_code == 404

    client.force_login(representative)
    response = client.get(organisation.get_absolute_url())
    assert response.status_code == 200
    assert "Ophørt i 2024." in response.text


def test_page_answers_in_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries):
    organisation = organisation_with(municipality=copenhagen, target_groups=["Ældre"], districts=["Amager"])
    for number in range(12):
        ActivityFactory(organisation=organisation, title=f"Aktivitet {number}")

    with django_assert_max_num_queries(8):
        response = client.get(organisation.get_absolute_url())

    assert response.status_code == 200
