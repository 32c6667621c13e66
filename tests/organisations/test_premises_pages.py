"""The public premises pages: the list of rooms with its filters, each house and room, the room's
calendar and iCalendar feed, and the photos. Each page runs a fixed number of queries."""


import icalendar
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from organisations.models import BookingStatus, Photo, RoomUsers
from tests.organisations.premises_factories import (
    ApprovedBookingFactory,
    BookingFactory,
    EquipmentFactory,
    PremisesFactory,
    RoomFactory,
    at,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def rooms(copenhagen, vesthimmerland):
    projector = EquipmentFactory(name="Projektor", slug="projektor")
    kitchen = EquipmentFactory(name="Køkken", slug="koekken")
    noerrebro = PremisesFactory(municipality=copenhagen, name="Frivillighus Nørrebro")
    aars = PremisesFactory(municipality=vesthimmerland, name="Vesthimmerlands Frivillighus", city="Aars")
    salen = RoomFactory(premises=noerrebro, name="Salen", capacity=80, step_free_access=True, hearing_loop=True)
    salen.equipment.add(projector, kitchen)
    small = RoomFactory(premises=noerrebro, name="Mødelokale", capacity=10, step_free_access=True)
    small.equipment.add(projector)
    store = RoomFactory(premises=aars, name="Store sal", capacity=60, accessible_toilet=True)
    store.equipment.add(kitchen)
    return {"salen": salen, "small": small, "store": store}


def names(response):
    return [room.name for room in response.context["rooms"]]


LIST = reverse("organisations:premises_list")


def test_the_list_shows_every_room(client, rooms):
    assert sorted(names(client.get(LIST))) == [
        "Mødelokale",
        "Salen",
        "Store sal",
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("kommune=koebenhavn", ["Mødelokale", "Salen"]),
        ("pladser=60", ["Salen", "Store sal"]),
        ("pladser=61", ["Salen"]),
        ("adgang=niveaufri", ["Mødelokale", "Salen"]),
        ("adgang=niveaufri&adgang=teleslynge", ["Salen"]),
        ("adgang=handicaptoilet", ["Store sal"]),
        ("udstyr=projektor", ["Mødelokale", "Salen"]),
        ("udstyr=projektor&udstyr=koekken", ["Salen"]),
        ("kommune=vesthimmerland&udstyr=koekken&pladser=20", ["Store sal"]),
        ("kommune=koebenhavn&adgang=handicaptoilet", []),
    ],
)
def test_each_filter_combination_has_its_own_address(client, rooms, query, expected):
    assert sorted(names(client.get(f"{LIST}?{query}"))) == expected


def test_a_bad_filter_value_is_reported_not_a_500(client, rooms):
    response = client.get(f"{LIST}?pladser=mange&kommune=atlantis")
    assert response.status_code == 200
    assert set(response.context["filterset"].form.errors) == {"pladser", "kommune"}


def test_the_list_runs_a_fixed_number_of_queries(client, rooms, django_assert_max_num_queries):
    for number in range(10):
        RoomFactory(premises=rooms["salen"].premises, name=f"Rum {number}").equipment.add(*rooms["salen"].equipment.all())
    with django_assert_max_num_queries(8):
        assert client.get(LIST).status_code == 200


def test_the_house_page_lists_its_rooms(client, rooms, django_assert_max_num_queries):
    premises = rooms["salen"].premises
    with django_assert_max_num_queries(8):
        response = client.get(premises.get_absolute_url())
    page = response.content.decode()
    assert "Salen" in page and "Mødelokale" in page and "Store sal" not in page


def test_the_room_calendar_shows_approved_bookings_by_organisation_and_time_only(
    client, rooms, django_assert_max_num_queries
):
    room = rooms["salen"]
    for days in (1, 2, 3):
        ApprovedBookingFactory(room=room, organisation__name=f"Forening {days}", starts_at=at(days, 17), ends_at=at(days, 19), purpose="Hemmeligt formål")
    BookingFactory(room=room, organisation__name="Anmodende forening", starts_at=at(4, 10), ends_at=at(4, 12))
    with django_assert_max_num_queries(8):
        response = client.get(room.get_absolute_url() + "?visning=maaned&dato=" + (at(1, 0).date().isoformat()))
    page = response.content.decode()
    assert "Forening 1" in page
    assert "Anmodende forening" not in page
    assert "Hemmeligt formål" not in page


def test_the_week_view_shows_the_week_of_the_day(client, rooms):
    room = rooms["salen"]
    ApprovedBookingFactory(room=room, organisation__name="Næste uges forening", starts_at=at(14, 17), ends_at=at(14, 19))
    this_week = client.get(room.get_absolute_url()).content.decode()
    that_week = client.get(room.get_absolute_url() + "?dato=" + at(14, 0).date().isoformat()).content.decode()
    assert "Næste uges forening" not in this_week
    assert "Næste uges forening" in that_week


def test_the_room_feed_lists_approved_bookings(client, rooms):
    room = rooms["salen"]
    approved = ApprovedBookingFactory(room=room, organisation__name="Frivilligt Forum", starts_at=at(3, 17), ends_at=at(3, 19))
    BookingFactory(room=room, organisation__name="Anmodende forening", starts_at=at(4, 17), ends_at=at(4, 19))
    response = client.get(room.get_absolute_url() + "kalender.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(event["summary"]) for event in events] == ["Reserveret: Frivilligt Forum"]
    assert events[0].decoded("dtstart") == approved.starts_at
    assert str(events[0]["uid"]).startswith(f"booking-{approved.pk}@")


def test_the_booking_button_shows_only_to_those_who_may_book(client, rooms, copenhagen):
    from tests.organisations.premises_factories import OrganisationFactory, UserFactory

    room = rooms["salen"]
    room.who_may_book = RoomUsers.MUNICIPALITY
    room.save()
    book = reverse(
        "organisations:booking_create",
        kwargs={"municipality": "koebenhavn", "premises": room.premises.slug, "room": room.slug},
    )
    assert book not in client.get(room.get_absolute_url()).content.decode()
    user = UserFactory()
    OrganisationFactory(municipality=copenhagen).representatives.add(user)
    client.force_login(user)
    assert book in client.get(room.get_absolute_url()).content.decode()


def test_a_photo_is_served_with_its_type_and_described(client, rooms):
    premises = rooms["salen"].premises
    photo = Photo(premises=premises, file=ContentFile(PNG, name="x.png"), alt_text="Huset set fra gaden")
    photo.full_clean()
    photo.save()
    page = client.get(premises.get_absolute_url()).content.decode()
    assert f'src="{photo.get_absolute_url()}" alt="Huset set fra gaden"' in page
    response = client.get(photo.get_absolute_url())
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG


def test_unknown_houses_and_rooms_are_not_found(client, rooms):
    assert client.get(reverse("organisations:premises_detail", kwargs={"municipality": "koebenhavn", "premises": "intet"})).status_code == 404
    assert client.get(rooms["salen"].premises.get_absolute_url() + "intet/").status_code == 404


def test_a_cancelled_booking_leaves_the_calendar(client, rooms):
    room = rooms["salen"]
    ApprovedBookingFactory(room=room, organisation__name="Aflyst forening", starts_at=at(1, 17), ends_at=at(1, 19), status=BookingStatus.CANCELLED)
    ApprovedBookingFactory(room=room, organisation__name="Afholdt forening", starts_at=at(1, 10), ends_at=at(1, 12))
    page = client.get(room.get_absolute_url() + "?dato=" + at(1, 0).date().isoformat()).content.decode()
    assert "Afholdt forening" in page
    assert "Aflyst forening" not in page


def test_a_photo_whose_file_is_gone_is_not_found(client, rooms):
    photo = Photo(premises=rooms["salen"].premises, file=ContentFile(PNG, name="x.png"), alt_text="Huset")
    photo.full_clean()
    photo.save()
    photo.file.storage.delete(photo.file.name)
    assert client.get(photo.get_absolute_url()).status_code == 404
