"""Demo premises and bookings, on top of the demo directory.

``load_demo_premises(writer)`` is called by ``load_demo`` after ``load_demo_directory`` (it needs
the municipalities, Copenhagen's administrations, Frivilligt Forum and Gåturene i Aars), with the
same idempotent ``DemoWriter``. Seed 004 asks for "et Frivillighus og/eller egnede lokaler rundt
omkring i kommunen": Vesthimmerland's Frivillighus and a Copenhagen house, each with rooms, and a
booking in each state (requested, approved, declined) so that every page has something to show.

The bookings' times are set when they are first written, relative to that day, and never moved
after: a second run, on any day, writes nothing. Addresses and names other than those of the
source documents are fictitious.
"""

import datetime

from django.utils import timezone

from organisations.models import Booking, BookingStatus, Equipment, Organisation, Premises, Room, RoomUsers
from policies.models import Administration, Municipality

EQUIPMENT = {
    "projektor": "Projektor",
    "koekken": "Køkken",
    "whiteboard": "Whiteboard",
    "kaffemaskine": "Kaffemaskine",
}


def _at(days, hour, minute=0):
    """An aware time ``days`` from today, on the local clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _booking(writer, *, room, organisation, purpose, days, hours, attendees, status=BookingStatus.REQUESTED, reason=""):
    def set_time(booking):
        booking.starts_at = _at(days, hours[0])
        booking.ends_at = _at(days, hours[1])

    # Written as a request first, then decided, like in the portal: Booking.clean() checks the
    # request's rules (who may book, a time to come) on the request.
    booking = writer.put(
        Booking,
        {"room": room, "organisation": organisation, "purpose": purpose},
        {"expected_attendees": attendees},
        on_create=set_time,
    )
    if status != BookingStatus.REQUESTED:
        values = {"status": status, "decision_reason": reason}
        if booking.decided_at is None:
            values["decided_at"] = timezone.now()
        writer.update(booking, values)
    return booking


def load_demo_premises(writer):
    equipment = {
        slug: writer.put(Equipment, {"slug": slug}, {"name": name}) for slug, name in EQUIPMENT.items()
    }
    copenhagen = Municipality.objects.get(slug="koebenhavn")
    vesthimmerland = Municipality.objects.get(slug="vesthimmerland")

    # Copenhagen: a house managed by Sundheds- og Omsorgsforvaltningen (its caseworker is "sof").
    health = Administration.objects.get(municipality=copenhagen, slug="sundheds-og-omsorgsforvaltningen")
    noerrebro = writer.put(
        Premises,
        {"municipality": copenhagen, "slug": "frivillighus-noerrebro"},
        {
            "name": "Frivillighus Nørrebro (demo)",
            "administration": health,
            "address": "Nørrebrogade 200",
            "postal_code": "2200",
            "city": "København N",
            "description": "Kommunens hus for frivillige foreninger og grupper på Nørrebro: sal, mødelokaler og værksted.",
            "accessibility": "Niveaufri indgang fra gården, elevator til 1. sal og handicapparkering foran huset.",
            "email": "frivillighus@example.org",
        },
    )
    salen = writer.put(
        Room,
        {"premises": noerrebro, "slug": "salen"},
        {
            "name": "Salen",
            "description": "Stor sal i stueetagen med scene, stole og borde.",
            "capacity": 80,
            "step_free_access": True,
            "hearing_loop": True,
            "accessible_toilet": True,
            "accessibility_notes": "Teleslyngen dækker hele salen; handicaptoilet ved indgangen.",
            "who_may_book": RoomUsers.ANY,
        },
    )
    writer.link(salen.equipment, [equipment["projektor"], equipment["koekken"]])
    moedelokale = writer.put(
        Room,
        {"premises": noerrebro, "slug": "moedelokale-1"},
        {
            "name": "Mødelokale 1",
            "description": "Mødelokale på 1. sal med ét langt bord.",
            "capacity": 12,
            "step_free_access": True,
            "accessibility_notes": "Elevator til 1. sal.",
        },
    )
    writer.link(moedelokale.equipment, [equipment["whiteboard"], equipment["kaffemaskine"]])
    vaerkstedet = writer.put(
        Room,
        {"premises": noerrebro, "slug": "vaerkstedet"},
        {
            "name": "Værkstedet",
            "description": "Værksted i kælderen til reparationer, cykler og kreative hold.",
            "capacity": 15,
            "accessibility_notes": "Trappe ned til kælderen; ingen elevator.",
        },
    )
    writer.link(vaerkstedet.equipment, [equipment["whiteboard"]])

    # Vesthimmerland: the Frivillighus of seed 004. The seed names no administration; the policy
    # was approved by Socialudvalget, so the house is managed by the social administration.
    social = writer.put(
        Administration,
        {"municipality": vesthimmerland, "slug": "social-og-sundhed"},
        {"name": "Social og Sundhed (demo)", "committee": "Socialudvalget"},
    )
    frivillighus = writer.put(
        Premises,
        {"municipality": vesthimmerland, "slug": "vesthimmerlands-frivillighus"},
        {
            "name": "Vesthimmerlands Frivillighus (demo)",
            "administration": social,
            "address": "Himmerlandsgade 12",
            "postal_code": "9600",
            "city": "Aars",
            "description": "Frivillighuset i Aars (seed 004: „et Frivillighus og/eller egnede lokaler rundt omkring i kommunen“).",
            "accessibility": "Alt i ét plan; niveaufri indgang og handicaptoilet.",
        },
    )
    store_sal = writer.put(
        Room,
        {"premises": frivillighus, "slug": "store-sal"},
        {
            "name": "Store sal",
            "capacity": 60,
            "step_free_access": True,
            "hearing_loop": True,
            "accessible_toilet": True,
            "who_may_book": RoomUsers.ANY,
        },
    )
    writer.link(store_sal.equipment, [equipment["projektor"], equipment["koekken"], equipment["kaffemaskine"]])
    lille_sal = writer.put(
        Room,
        {"premises": frivillighus, "slug": "lille-moedelokale"},
        {"name": "Lille mødelokale", "capacity": 8, "step_free_access": True, "accessible_toilet": True},
    )
    writer.link(lille_sal.equipment, [equipment["whiteboard"]])

    forum = Organisation.objects.get(municipality=copenhagen, slug="frivilligt-forum")
    gaaturene = Organisation.objects.get(municipality=vesthimmerland, slug="gaaturene-i-aars")
    _booking(
        writer,
        room=salen,
        organisation=forum,
        purpose="Temaaften om ensomhed blandt ældre",
        days=7,
        hours=(17, 20),
        attendees=60,
        status=BookingStatus.APPROVED,
    )
    _booking(writer, room=moedelokale, organisation=forum, purpose="Bestyrelsesmøde", days=10, hours=(16, 18), attendees=8)
    _booking(
        writer,
        room=salen,
        organisation=forum,
        purpose="Julefrokost for de frivillige",
        days=14,
        hours=(18, 23),
        attendees=70,
        status=BookingStatus.DECLINED,
        reason="Salen er lukket for rengøring og vedligehold den uge. Prøv gerne ugen efter.",
    )
    _booking(
        writer,
        room=store_sal,
        organisation=gaaturene,
        purpose="Årsmøde for gåturene",
        days=9,
        hours=(19, 21),
        attendees=30,
        status=BookingStatus.APPROVED,
    )
    _booking(writer, room=lille_sal, organisation=gaaturene, purpose="Planlægning af forårets ruter", days=12, hours=(10, 12), attendees=6)
    return writer
