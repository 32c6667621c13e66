"""Factories for the organisations app, beside the shared ones in ``tests/factories.py``."""

import datetime

import factory
from django.utils import timezone

from organisations.models import (
    Activity,
    DeletionRequest,
    District,
    FieldOfActivity,
    OrganisationStatus,
    TargetGroup,
)
from tests.factories import MunicipalityFactory, OrganisationFactory, UserFactory

__all__ = [
    "ActivityFactory",
    "DeletionRequestFactory",
    "DistrictFactory",
    "FieldOfActivityFactory",
    "MunicipalityFactory",
    "OrganisationFactory",
    "PendingOrganisationFactory",
    "TargetGroupFactory",
    "UserFactory",
]


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ("municipality", "name")

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Målgruppe {n}")


class FieldOfActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfActivity
        django_get_or_create = ("municipality", "name")

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Område {n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ("municipality", "name")

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Bydel {n}")


class PendingOrganisationFactory(OrganisationFactory):
    status = OrganisationStatus.PENDING


def local(*args):
    """An aware datetime on Copenhagen's clock: ``local(2026, 12, 1, 10)``."""
    return timezone.make_aware(datetime.datetime(*args))


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Aktivitet {n}")
    description = "Alle er velkomne."
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda a: a.starts_at + datetime.timedelta(hours=2))
    place = "Medborgerhuset"


class DeletionRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeletionRequest

    organisation = factory.SubFactory(OrganisationFactory)
    municipality = factory.SelfAttribute("organisation.municipality")
    organisation_name = factory.SelfAttribute("organisation.name")
    requested_by = factory.SubFactory(UserFactory)


def organisation_with(*, municipality=None, **kwargs):
    """An organisation; the vocabulary given by name is created in its municipality."""
    vocabulary = {
        "target_groups": (TargetGroupFactory, kwargs.pop("target_groups", [])),
        "fields_of_activity": (FieldOfActivityFactory, kwargs.pop("fields_of_activity", [])),
        "districts": (DistrictFactory, kwargs.pop("districts", [])),
    }
    organisation = OrganisationFactory(municipality=municipality or MunicipalityFactory(), **kwargs)
    for relation, (term_factory, names) in vocabulary.items():
        terms = [term_factory(municipality=organisation.municipality, name=name) for name in names]
        if terms:
            getattr(organisation, relation).add(*terms)
    organisation.refresh_from_db()
    return organisation

