"""Factories for premises, rooms and bookings: a Copenhagen house managed by an administration,
a room for 20, and a booking requested a week ahead."""

import datetime

import factory
from django.utils import timezone

from organisations.models import Booking, BookingStatus, Equipment, Premises, Room
from tests.factories import AdministrationFactory, MunicipalityFactory, OrganisationFactory, UserFactory

__all__ = [
    "AdministrationFactory",
    "ApprovedBookingFactory",
    "BookingFactory",
    "EquipmentFactory",
    "MunicipalityFactory",
    "OrganisationFactory",
    "PremisesFactory",
    "RoomFactory",
    "UserFactory",
    "at",
]


def at(days, hour, minute=0):
    """An aware time ``days`` from today at ``hour`` on Copenhagen's clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class PremisesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Premises

    municipality = factory.SubFactory(MunicipalityFactory)
    administration = factory.SubFactory(AdministrationFactory, municipality=factory.SelfAttribute("..municipality"))
    name = factory.Sequence(lambda n: f"Frivillighus {n}")
    address = "Nørrebrogade 1"
    postal_code = "2200"
    city = "København N"


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Equipment
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Udstyr {n}")
    slug = factory.Sequence(lambda n: f"udstyr-{n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    premises = factory.SubFactory(PremisesFactory)
    name = factory.Sequence(lambda n: f"Lokale {n}")
    capacity = 20


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    room = factory.SubFactory(RoomFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, municipality=factory.SelfAttribute("..room.premises.municipality")
    )
    starts_at = factory.LazyFunction(lambda: at(7, 17))
    ends_at = factory.LazyAttribute(lambda b: b.starts_at + datetime.timedelta(hours=2))
    purpose = "Medlemsmøde"
    expected_attendees = 10


class ApprovedBookingFactory(BookingFactory):
    status = BookingStatus.APPROVED
    decided_at = factory.LazyFunction(timezone.now)
