"""factory_boy factories for the portal's models: the smallest valid objects.

Defaults mirror Copenhagen's 2006 policy (adopted 15 Dec 2005, plans due a year
later, follow-ups every second year) so that tests read like the documents.
"""

import datetime

import factory
from django.contrib.auth import get_user_model

from organisations.models import Organisation
from policies.models import (
    Action,
    Administration,
    BodyMembership,
    ConsultedBody,
    FollowUp,
    ImplementationPlan,
    Municipality,
    PointExemption,
    PolicyPoint,
    PolicyStatus,
    VolunteerPolicy,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"Bruger {n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("kodeord-til-test")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kommune {n}")
    slug = factory.Sequence(lambda n: f"kommune-{n}")


class AdministrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Administration

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Forvaltning {n}")
    slug = factory.Sequence(lambda n: f"forvaltning-{n}")
    committee = factory.Sequence(lambda n: f"Udvalg {n}")
    abbreviation = factory.Sequence(lambda n: f"U{n}")


class ConsultedBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultedBody

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Kontaktudvalg {n}")
    slug = factory.Sequence(lambda n: f"kontaktudvalg-{n}")


class BodyMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BodyMembership

    body = factory.SubFactory(ConsultedBodyFactory)
    user = factory.SubFactory(UserFactory)
    starts_on = datetime.date(2006, 1, 1)


class VolunteerPolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerPolicy

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.Sequence(lambda n: f"Frivillighedspolitik {n}")
    slug = factory.Sequence(lambda n: f"politik-{n}")
    status = PolicyStatus.ADOPTED
    adopted_by = "Borgerrepræsentationen"
    decision_reference = "BR 754/05"
    adopted_on = datetime.date(2005, 12, 15)
    revision_period_years = 4
    plan_period_months = 12
    follow_up_cadence_months = 24


class PolicyPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyPoint

    policy = factory.SubFactory(VolunteerPolicyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Punkt {n + 1}")
    text = "At sikre dialogen mellem den frivillige og offentlige indsats."


class ImplementationPlanFactory(factory.django.DjangoModelFactory):
    """A draft plan; the administration is named under the policy, as the rules require."""

    class Meta:
        model = ImplementationPlan
        skip_postgeneration_save = True

    policy = factory.SubFactory(VolunteerPolicyFactory)
    administration = factory.SubFactory(
        AdministrationFactory, municipality=factory.SelfAttribute("..policy.municipality")
    )

    @factory.post_generation
    def named_under_policy(plan, create, extracted, **kwargs):
        if create:
            plan.policy.administrations.add(plan.administration)


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    plan = factory.SubFactory(ImplementationPlanFactory)
    point = factory.SubFactory(PolicyPointFactory, policy=factory.SelfAttribute("..plan.policy"))
    text = "Forvaltningen deltager løbende i møder med Kontaktudvalget."
    responsible_unit = "Direktionen"


class PointExemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PointExemption

    plan = factory.SubFactory(ImplementationPlanFactory)
    point = factory.SubFactory(PolicyPointFactory, policy=factory.SelfAttribute("..plan.policy"))
    reason = "Forvaltningen giver ingen tilskud."


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    plan = factory.SubFactory(ImplementationPlanFactory)
    due_on = datetime.date(2007, 12, 15)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Forening {n}")
    slug = factory.Sequence(lambda n: f"forening-{n}")
