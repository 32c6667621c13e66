"""The permission ladder for every protected premises page: anonymous → log in; the wrong person
→ 403 (may read, not do this) or 404 (outside their reach: another organisation, another
administration or municipality); the right person → 200 (or the action's redirect)."""

import pytest
from django.conf import settings
from django.urls import reverse

from organisations.models import BookingStatus, RoomUsers
from tests.organisations.premises_factories import (
    AdministrationFactory,
    BookingFactory,
    OrganisationFactory,
    PremisesFactory,
    RoomFactory,
    UserFactory,
)


@pytest.fixture
def caseworker(copenhagen):
    """A caseworker of the administration that manages the house."""
    return UserFactory(username="sof")


@pytest.fixture
def premises(copenhagen, caseworker):
    administration = AdministrationFactory(municipality=copenhagen)
    administration.caseworkers.add(caseworker)
    return PremisesFactory(municipality=copenhagen, administration=administration)


@pytest.fixture
def room(premises):
    return RoomFactory(premises=premises, who_may_book=RoomUsers.MUNICIPALITY)


@pytest.fixture
def representative(copenhagen):
    user = UserFactory(username="forening")
    OrganisationFactory(municipality=copenhagen, name="Frivilligt Forum").representatives.add(user)
    return user


@pytest.fixture
def booking(room, representative):
    return BookingFactory(room=room, organisation=representative.organisations.get())


@pytest.fixture
def other_representative(copenhagen):
    user = UserFactory(username="anden")
    OrganisationFactory(municipality=copenhagen).representatives.add(user)
    return user


@pytest.fixture
def other_caseworker(copenhagen):
    """A caseworker of another administration of the same municipality."""
    user = UserFactory(username="bif")
    AdministrationFactory(municipality=copenhagen).caseworkers.add(user)
    return user


@pytest.fixture
def other_policy_owner(vesthimmerland):
    user = UserFactory(username="vhm")
    vesthimmerland.policy_owners.add(user)
    return user


def room_url(room, name):
    premises = room.premises
    return reverse(
        f"organisations:{name}",
        kwargs={"municipality": premises.municipality.slug, "premises": premises.slug, "room": room.slug},
    )


def assert_login_redirect(response):
    assert response.status_code == 302
    assert response["Location"].startswith(reverse(settings.LOGIN_URL))


# Anonymous visitors


def test_anonymous_visitors_are_sent_to_log_in(client, booking):
    room = booking.room
    for url in (
        room_url(room, "booking_create"),
        reverse("organisations:my_bookings"),
        reverse("organisations:booking_detail", kwargs={"pk": booking.pk}),
        reverse("organisations:booking_requests"),
    ):
        assert_login_redirect(client.get(url))
    for name in ("booking_cancel", "booking_decide"):
        assert_login_redirect(client.post(reverse(f"organisations:{name}", kwargs={"pk": booking.pk})))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


# Requesting a room


def test_a_representative_may_request_the_room(client, room, representative):
    client.force_login(representative)
    assert client.get(room_url(room, "booking_create")).status_code == 200


def test_someone_who_represents_no_organisation_is_refused(client, room, caseworker):
    client.force_login(caseworker)
    assert client.get(room_url(room, "booking_create")).status_code == 403


def test_a_representative_from_another_municipality_is_refused_a_room_for_the_municipality(client, room, vesthimmerland):
    user = UserFactory()
    OrganisationFactory(municipality=vesthimmerland).representatives.add(user)
    client.force_login(user)
    assert client.get(room_url(room, "booking_create")).status_code == 403
    room.who_may_book = RoomUsers.ANY
    room.save()
    assert client.get(room_url(room, "booking_create")).status_code == 200


def test_a_room_that_does_not_exist_is_not_found(client, room, representative):
    client.force_login(representative)
    url = room_url(room, "booking_create").replace(room.slug, "findes-ikke")
    assert client.get(url).status_code == 404


# One booking


def detail(booking):
    return reverse("organisations:booking_detail", kwargs={"pk": booking.pk})


@pytest.mark.parametrize("who", ["representative", "caseworker"])
def test_the_organisation_and_the_caseworker_read_the_booking(client, booking, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(detail(booking)).status_code == 200


@pytest.mark.parametrize("who", ["other_representative", "other_caseworker", "other_policy_owner"])
def test_others_do_not_find_the_booking(client, booking, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(detail(booking)).status_code == 404
    assert client.post(reverse("organisations:booking_cancel", kwargs={"pk": booking.pk})).status_code == 404
    assert client.post(reverse("organisations:booking_decide", kwargs={"pk": booking.pk}), {"decision": "godkend"}).status_code == 404


def test_the_municipalitys_policy_owner_reads_and_decides(client, booking, policy_owner):
    client.force_login(policy_owner)
    assert client.get(detail(booking)).status_code == 200
    response = client.post(reverse("organisations:booking_decide", kwargs={"pk": booking.pk}), {"decision": "godkend"})
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


def test_the_organisation_may_not_decide_its_own_request(client, booking, representative):
    client.force_login(representative)
    response = client.post(reverse("organisations:booking_decide", kwargs={"pk": booking.pk}), {"decision": "godkend"})
    assert response.status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_the_caseworker_may_not_cancel_for_the_organisation(client, booking, caseworker):
    client.force_login(caseworker)
    assert client.post(reverse("organisations:booking_cancel", kwargs={"pk": booking.pk})).status_code == 403
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_cancel_and_decide_answer_only_post(client, booking, representative, caseworker):
    client.force_login(representative)
    assert client.get(reverse("organisations:booking_cancel", kwargs={"pk": booking.pk})).status_code == 405
    client.force_login(caseworker)
    assert client.get(reverse("organisations:booking_decide", kwargs={"pk": booking.pk})).status_code == 405


# Lists


def test_my_bookings_lists_only_my_organisations(client, booking, other_representative):
    BookingFactory(room=booking.room, organisation=other_representative.organisations.get(), purpose="Andres møde")
    client.force_login(booking.organisation.representatives.get())
    response = client.get(reverse("organisations:my_bookings"))
    assert list(response.context["bookings"]) == [booking]


def test_requests_to_decide_are_for_caseworkers_and_policy_owners(client, booking, caseworker, policy_owner):
    for user in (caseworker, policy_owner):
        client.force_login(user)
        response = client.get(reverse("organisations:booking_requests"))
        assert response.status_code == 200
        assert list(response.context["requests"]) == [booking]


def test_requests_to_decide_refuse_a_representative(client, booking, representative):
    client.force_login(representative)
    assert client.get(reverse("organisations:booking_requests")).status_code == 403


def test_another_administrations_caseworker_sees_none_of_the_houses_requests(client, booking, other_caseworker):
    PremisesFactory(municipality=booking.room.premises.municipality, administration=other_caseworker.administrations.get())
    client.force_login(other_caseworker)
    response = client.get(reverse("organisations:booking_requests"))
    assert response.status_code == 200
    assert list(response.context["requests"]) == []


def test_another_municipalitys_policy_owner_sees_none_of_the_requests(client, booking, other_policy_owner, vesthimmerland):
    PremisesFactory(municipality=vesthimmerland)
    client.force_login(other_policy_owner)
    response = client.get(reverse("organisations:booking_requests"))
    assert response.status_code == 200
    assert list(response.context["requests"]) == []
