"""Factories for meetings and sign-ups: a published dialogue meeting of an administration a month
ahead, 19-21, with room for 10 and sign-ups until a week before."""

import datetime

import factory
from django.utils import timezone

from policies.models import Meeting, MeetingAction, MeetingKind, MeetingSignup, MeetingStatus, SignupRule, SignupStatus
from tests.factories import AdministrationFactory, OrganisationFactory


def at(days, hour=19, minute=0):
    """An aware time ``days`` from today at ``hour`` on Copenhagen's clock."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    organising_administration = factory.SubFactory(AdministrationFactory)
    municipality = factory.LazyAttribute(
        lambda meeting: (meeting.organising_administration or meeting.organising_body).municipality
    )
    kind = MeetingKind.DIALOGUE
    title = factory.Sequence(lambda n: f"Dialogmøde {n}")
    place = "Frivillighuset, Himmerlandsgade 12, 9600 Aars"
    agenda = "1. Velkomst\n2. Frivilligrådet orienterer"
    status = MeetingStatus.PUBLISHED
    signup_rule = SignupRule.EVERYONE
    capacity = 10
    starts_at = factory.LazyFunction(lambda: at(30, 19))
    ends_at = factory.LazyAttribute(lambda meeting: meeting.starts_at + datetime.timedelta(hours=2))
    signup_deadline = factory.LazyAttribute(lambda meeting: meeting.starts_at - datetime.timedelta(days=7))


class MeetingSignupFactory(factory.django.DjangoModelFactory):
    """A confirmed organisation's sign-up (``citizen=True``: a citizen's)."""

    class Meta:
        model = MeetingSignup

    class Params:
        citizen = factory.Trait(
            organisation=None,
            name=factory.Sequence(lambda n: f"Borger {n}"),
            email=factory.Sequence(lambda n: f"borger{n}@example.org"),
            participants=1,
        )

    meeting = factory.SubFactory(MeetingFactory)
    organisation = factory.SubFactory(OrganisationFactory, municipality=factory.SelfAttribute("..meeting.municipality"))
    participants = 2
    status = SignupStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)


class MeetingActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingAction

    meeting = factory.SubFactory(MeetingFactory)
    text = "Vejviseren udbygges med tilskudsmulighederne."
    responsible = "Kontaktpersonen"
