"""An organisation granted more than the municipality's threshold in one year (Copenhagen: 100,000
kr, seed 002) must have a cooperation agreement on file before a further grant is decided."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from grants import services
from grants.models import DecisionOutcome, granted_in_year
from tests.grants.factories import (
    AdministrationFactory,
    CooperationAgreementFactory,
    GrantSchemeFactory,
    SubmittedApplicationFactory,
    grant,
)
from tests.validation import codes


@pytest.fixture
def second_scheme(kk):
    """Another scheme of 2007 in another administration: the threshold counts the whole year."""
    return GrantSchemeFactory(administration=kk.employment, name="§ 18-puljen 2007", year=2007)


def decide(application, user, amount):
    return services.application_decide(
        application=application, decided_by=user, outcome=DecisionOutcome.GRANTED, amount_granted=amount, reference="X 1/2007"
    )


def test_a_grant_that_brings_the_year_to_exactly_100000_kr_needs_no_agreement(kk, second_scheme):
    grant(scheme=kk.scheme, organisation=kk.club, amount_requested=60_000)
    application = SubmittedApplicationFactory(scheme=second_scheme, organisation=kk.club, amount_requested=40_000)

    decide(application, kk.other_caseworker, 40_000)

    assert granted_in_year(kk.club, 2007) == 100_000


def test_one_krone_over_100000_kr_is_refused_without_an_agreement_and_the_refusal_says_so(kk, second_scheme):
    grant(scheme=kk.scheme, organisation=kk.club, amount_requested=60_000)
    application = SubmittedApplicationFactory(scheme=second_scheme, organisation=kk.club, amount_requested=40_001)

    with pytest.raises(ValidationError) as excinfo:
        decide(application, kk.other_caseworker, 40_001)

    assert codes(excinfo.value) == {"amount_granted": ["agreement_required"]}
    message = excinfo.value.messages[0]
    assert "samarbejdsaftale" in message
    assert "100.001 kr." in message and "100.000 kr." in message and "2007" in message
    assert granted_in_year(kk.club, 2007) == 60_000


def test_a_single_grant_over_the_threshold_needs_the_agreement_too(kk):
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=100_001)

    with pytest.raises(ValidationError) as excinfo:
        decide(application, kk.caseworker, 100_001)

    assert codes(excinfo.value) == {"amount_granted": ["agreement_required"]}


def test_with_an_agreement_on_file_for_the_year_the_grant_is_decided(kk, second_scheme):
    grant(scheme=kk.scheme, organisation=kk.club, amount_requested=60_000)
    CooperationAgreementFactory(organisation=kk.club, administration=kk.health, starts_on=datetime.date(2007, 12, 31), ends_on=None)
    application = SubmittedApplicationFactory(scheme=second_scheme, organisation=kk.club, amount_requested=90_000)

    decide(application, kk.other_caseworker, 90_000)

    assert granted_in_year(kk.club, 2007) == 150_000


def test_an_agreement_that_ended_before_the_year_does_not_count(kk):
    CooperationAgreementFactory(
        organisation=kk.club, administration=kk.health, starts_on=datetime.date(2005, 1, 1), ends_on=datetime.date(2006, 12, 31)
    )
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=150_000)

    with pytest.raises(ValidationError) as excinfo:
        decide(application, kk.caseworker, 150_000)

    assert codes(excinfo.value) == {"amount_granted": ["agreement_required"]}


def test_grants_of_another_year_and_rejections_do_not_count(kk):
    grant(scheme=GrantSchemeFactory(administration=kk.health, year=2006), organisation=kk.club, amount_requested=90_000)
    rejected = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=90_000)
    services.application_decide(
        application=rejected, decided_by=kk.caseworker, outcome=DecisionOutcome.REJECTED, reason="Nej.", reference="SOU 1"
    )

    decide(SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=100_000), kk.caseworker, 100_000)


def test_the_threshold_is_the_municipalitys_own(kk):
    kk.municipality.cooperation_agreement_threshold = 50_000
    kk.municipality.save()
    application = SubmittedApplicationFactory(scheme=kk.scheme, organisation=kk.club, amount_requested=50_001)

    with pytest.raises(ValidationError) as excinfo:
        decide(application, kk.caseworker, 50_001)

    assert "50.000 kr." in excinfo.value.messages[0]


def test_an_agreement_cannot_end_before_it_starts_nor_be_with_another_municipalitys_organisation(kk):
    agreement = CooperationAgreementFactory.build(
        organisation=kk.club, administration=kk.health, starts_on=datetime.date(2007, 1, 1), ends_on=datetime.date(2006, 12, 31)
    )
    with pytest.raises(ValidationError) as excinfo:
        agreement.full_clean()
    assert codes(excinfo.value) == {"ends_on": ["ends_before_start"]}

    stranger = CooperationAgreementFactory.build(organisation=kk.club, administration=AdministrationFactory())
    with pytest.raises(ValidationError) as excinfo:
        stranger.full_clean()
    assert "other_municipality" in codes(excinfo.value)["organisation"]
