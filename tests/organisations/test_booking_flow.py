"""A booking from request to outcome through the pages: the representative asks, the caseworker
approves or declines with a reason, the organisation sees the outcome, and may cancel."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from organisations.models import Booking, BookingStatus
from tests.organisations.premises_factories import (
    AdministrationFactory,
    ApprovedBookingFactory,
    BookingFactory,
    OrganisationFactory,
    PremisesFactory,
    RoomFactory,
    UserFactory,
    at,
)


@pytest.fixture
def caseworker(copenhagen):
    return UserFactory(username="sof")


@pytest.fixture
def room(copenhagen, caseworker):
    administration = AdministrationFactory(municipality=copenhagen)
    administration.caseworkers.add(caseworker)
    premises = PremisesFactory(municipality=copenhagen, administration=administration, name="Frivillighus Nørrebro")
    return RoomFactory(premises=premises, name="Salen", capacity=40)


@pytest.fixture
def forum(copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, name="Frivilligt Forum")
    organisation.representatives.add(UserFactory(username="forening"))
    return organisation


@pytest.fixture
def representative(forum):
    return forum.representatives.get()


def create_url(room):
    premises = room.premises
    return reverse(
        "organisations:booking_create",
        kwargs={"municipality": premises.municipality.slug, "premises": premises.slug, "room": room.slug},
    )


def form(organisation, starts, ends, attendees=25):
    return {
        "organisation": organisation.pk,
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": ends.strftime("%Y-%m-%dT%H:%M"),
        "purpose": "Temaaften",
        "expected_attendees": attendees,
    }


def local(moment):
    return timezone.localtime(moment)


def decide(client, booking, **data):
    return client.post(reverse("organisations:booking_decide", kwargs={"pk": booking.pk}), data)


def test_a_representative_requests_and_sees_the_approval(client, room, forum, representative, caseworker):
    client.force_login(representative)
    response = client.post(create_url(room), form(forum, local(at(7, 17)), local(at(7, 19))))
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"] == booking.get_absolute_url()
    assert (booking.status, booking.requested_by, booking.organisation) == (BookingStatus.REQUESTED, representative, forum)

    client.force_login(caseworker)
    assert decide(client, booking, decision="godkend").status_code == 302
    booking.refresh_from_db()
    assert (booking.status, booking.decided_by) == (BookingStatus.APPROVED, caseworker)

    client.force_login(representative)
    page = client.get(reverse("organisations:my_bookings")).content.decode()
    assert "Approved" in page or "Godkendt" in page


def test_too_many_attendees_are_refused_next_to_the_field_and_the_input_kept(client, room, forum, representative):
    client.force_login(representative)
    response = client.post(create_url(room), form(forum, local(at(7, 17)), local(at(7, 19)), attendees=41))
    assert response.status_code == 200
    assert response.context["form"].errors["expected_attendees"] == ["Der er højst plads til 40 personer i Salen."]
    assert 'value="41"' in response.content.decode()
    assert not Booking.objects.exists()


def test_a_request_for_a_taken_time_names_who_has_it(client, room, forum, representative):
    ApprovedBookingFactory(room=room, organisation__name="Gåturene", starts_at=at(7, 18), ends_at=at(7, 20))
    client.force_login(representative)
    response = client.post(create_url(room), form(forum, local(at(7, 17)), local(at(7, 19))))
    assert response.status_code == 200
    assert "Gåturene" in response.context["form"].errors["starts_at"][0]


def test_the_form_offers_only_organisations_that_may_book(client, room, forum, representative, vesthimmerland):
    OrganisationFactory(municipality=vesthimmerland, name="Langt væk").representatives.add(representative)
    client.force_login(representative)
    response = client.get(create_url(room))
    assert list(response.context["form"].fields["organisation"].queryset) == [forum]


def test_a_decline_without_a_reason_is_refused(client, room, forum, caseworker):
    booking = BookingFactory(room=room, organisation=forum)
    client.force_login(caseworker)
    response = decide(client, booking, decision="afvis", reason=" ")
    assert response.status_code == 200
    assert response.context["decision_form"].errors["reason"]
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_the_organisation_sees_the_reason_for_a_decline(client, room, forum, representative, caseworker):
    booking = BookingFactory(room=room, organisation=forum)
    client.force_login(caseworker)
    decide(client, booking, decision="afvis", reason="Salen males den uge.")
    client.force_login(representative)
    page = client.get(booking.get_absolute_url()).content.decode()
    assert "Salen males den uge." in page
    booking.refresh_from_db()
    assert booking.status == BookingStatus.DECLINED


def test_approving_a_request_that_overlaps_an_approved_booking_is_explained(client, room, forum, caseworker):
    ApprovedBookingFactory(room=room, organisation__name="Gåturene", starts_at=at(7, 18), ends_at=at(7, 20))
    booking = Booking.objects.create(
        room=room, organisation=forum, starts_at=at(7, 17), ends_at=at(7, 19), purpose="Møde", expected_attendees=5
    )  # requested before the other was approved
    client.force_login(caseworker)
    response = decide(client, booking, decision="godkend")
    page = client.get(response["Location"]).content.decode()
    assert "Gåturene" in page
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_a_decided_request_cannot_be_decided_again(client, room, forum, caseworker):
    booking = ApprovedBookingFactory(room=room, organisation=forum)
    client.force_login(caseworker)
    decide(client, booking, decision="afvis", reason="Fortrudt")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


def test_a_request_whose_time_has_passed_cannot_be_approved(client, room, forum, caseworker):
    booking = BookingFactory(room=room, organisation=forum)
    Booking.objects.filter(pk=booking.pk).update(starts_at=at(-1, 10), ends_at=at(-1, 12))
    client.force_login(caseworker)
    decide(client, booking, decision="godkend")
    booking.refresh_from_db()
    assert booking.status == BookingStatus.REQUESTED


def test_the_organisation_cancels_an_approved_booking_and_frees_the_time(client, room, forum, representative):
    booking = ApprovedBookingFactory(room=room, organisation=forum)
    client.force_login(representative)
    client.post(reverse("organisations:booking_cancel", kwargs={"pk": booking.pk}))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_at is not None
    assert not Booking.objects.clashing_with(BookingFactory.build(room=room, starts_at=booking.starts_at, ends_at=booking.ends_at)).exists()


def test_a_booking_that_has_begun_cannot_be_cancelled(client, room, forum, representative):
    booking = ApprovedBookingFactory(room=room, organisation=forum)
    Booking.objects.filter(pk=booking.pk).update(starts_at=timezone.now() - datetime.timedelta(minutes=5))
    client.force_login(representative)
    client.post(reverse("organisations:booking_cancel", kwargs={"pk": booking.pk}))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.APPROVED


def test_the_booking_pages_run_a_fixed_number_of_queries(
    client, room, forum, representative, caseworker, django_assert_max_num_queries
):
    bookings = [
        BookingFactory(room=RoomFactory(premises=room.premises), organisation=forum, starts_at=at(days, 10), ends_at=at(days, 12))
        for days in range(1, 11)
    ]
    client.force_login(representative)
    with django_assert_max_num_queries(8):
        assert len(client.get(reverse("organisations:my_bookings")).context["bookings"]) == 10
    with django_assert_max_num_queries(10):
        assert client.get(bookings[0].get_absolute_url()).status_code == 200
    client.force_login(caseworker)
    with django_assert_max_num_queries(10):
        assert len(client.get(reverse("organisations:booking_requests")).context["requests"]) == 10
