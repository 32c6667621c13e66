"""Factories for grants, beside the shared ones in ``tests/factories.py``: Copenhagen's § 79 scheme
for 2007 as the source documents tell it (applications from 1 September to 31 October 2006, the
grant period the calendar year 2007, reports due three months after), asking nothing of the
applications beyond the amount and purpose, so that each test adds the requirement it is about."""

import datetime

import factory
from django.utils import timezone

from grants.models import (
    Application,
    ApplicationStatus,
    BudgetLine,
    CooperationAgreement,
    Decision,
    DecisionOutcome,
    Goal,
    GrantScheme,
    LegalBasis,
    Report,
    ReportTier,
    RequiredAttachment,
)
from tests.factories import AdministrationFactory, MunicipalityFactory, OrganisationFactory, UserFactory

__all__ = [
    "AdministrationFactory",
    "ApplicationFactory",
    "BudgetLineFactory",
    "CooperationAgreementFactory",
    "GoalFactory",
    "GrantSchemeFactory",
    "LegalBasisFactory",
    "MunicipalityFactory",
    "OrganisationFactory",
    "ReportTierFactory",
    "RequiredAttachmentFactory",
    "SubmittedApplicationFactory",
    "UserFactory",
    "grant",
    "local",
]

OPENS = datetime.date(2006, 9, 1)
CLOSES = datetime.date(2006, 10, 31)


def local(*args):
    """An aware datetime on Copenhagen's clock: ``local(2006, 10, 1, 10)``."""
    return timezone.make_aware(datetime.datetime(*args))


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis
        django_get_or_create = ("municipality", "name")

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Serviceloven § {79 + n}")


class GrantSchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantScheme

    administration = factory.SubFactory(AdministrationFactory)
    legal_basis = factory.SubFactory(LegalBasisFactory, municipality=factory.SelfAttribute("..administration.municipality"))
    name = factory.Sequence(lambda n: f"Pulje {n}")
    year = 2007
    budget = 1_000_000
    criteria = "Aktiviteter for ældre i lokalområdet."
    opens_on = OPENS
    closes_on = CLOSES
    period_starts_on = datetime.date(2007, 1, 1)
    period_ends_on = datetime.date(2007, 12, 31)
    report_months_after_period = 3
    requires_goals = False
    requires_budget = False


class ReportTierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportTier

    scheme = factory.SubFactory(GrantSchemeFactory)
    above_amount = 0
    name = "Regnskabsoversigt"


class RequiredAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RequiredAttachment

    scheme = factory.SubFactory(GrantSchemeFactory)
    name = "Vedtægter"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A draft, started in the window."""

    class Meta:
        model = Application

    scheme = factory.SubFactory(GrantSchemeFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, municipality=factory.SelfAttribute("..scheme.administration.municipality")
    )
    title = factory.Sequence(lambda n: f"Projekt {n}")
    purpose = "Motion og samvær for ældre."
    amount_requested = 10_000
    created_at = factory.LazyFunction(lambda: local(2006, 9, 15, 10))


class SubmittedApplicationFactory(ApplicationFactory):
    status = ApplicationStatus.SUBMITTED
    submitted_at = factory.LazyFunction(lambda: local(2006, 10, 1, 10))


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    application = factory.SubFactory(ApplicationFactory)
    description = "Flere ældre deltager i motion"
    measure = "25 deltagere pr. gang i gennemsnit"


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    application = factory.SubFactory(ApplicationFactory)
    description = "Leje af sal"
    amount = 10_000


class CooperationAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationAgreement

    organisation = factory.SubFactory(OrganisationFactory)
    administration = factory.SubFactory(AdministrationFactory, municipality=factory.SelfAttribute("..organisation.municipality"))
    title = "Samarbejdsaftale 2007"
    starts_on = datetime.date(2007, 1, 1)
    ends_on = datetime.date(2007, 12, 31)


def grant(application=None, *, amount=None, decided_on=datetime.date(2006, 12, 1), **application_fields):
    """A decided grant straight to the database (past the service's locks): the submitted
    ``application``, or a new one, granted ``amount`` (all it asked for by default)."""
    if application is None:
        application = SubmittedApplicationFactory(**application_fields)
    decision = Decision(
        application=application,
        outcome=DecisionOutcome.GRANTED,
        amount_granted=amount or application.amount_requested,
        reference=f"SOU {application.pk}/2006",
        decided_on=decided_on,
        report_due_on=application.scheme.report_due_on,
    )
    decision.full_clean()
    decision.save()
    application.decision = decision
    return application


def report(application, **fields):
    """A report on the grant ``application``, written straight to the database."""
    report = Report(application=application, **fields)
    report.save()
    return report
