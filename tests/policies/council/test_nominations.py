"""Nominations: an organisation's representative puts up a candidate for it (themselves, or another
representative who then agrees), one per organisation, while nominations are open; the
municipality approves only a candidate who has agreed, and says why when it does not."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from organisations.models import OrganisationStatus
from policies import council_services as services
from policies.models import CandidateStatus, Eligibility
from tests import factories
from tests.policies.helpers import messages_of

from .conftest import at, day, rep, url

OPENS, CLOSES = datetime.date(2027, 1, 1), datetime.date(2027, 1, 14)


@pytest.fixture
def election(council):
    return services.election_open(
        council=council, starts_on=datetime.date(2027, 2, 1), nominations_open_on=OPENS, nominations_close_on=CLOSES,
        today=OPENS,
    )


def nominate(election, organisation, person=None, *, by=None, when=datetime.date(2027, 1, 5)):
    person = person or rep(organisation)
    return services.candidate_nominate(
        election=election, organisation=organisation, person=person, nominated_by=by or person, now=at(when)
    )


def refusal(call):
    with pytest.raises(ValidationError) as error:
        call()
    return {field: [e.code for e in errors] for field, errors in error.value.error_dict.items()}


def test_a_representative_who_puts_themselves_up_has_agreed(election, organisations):
    candidate = nominate(election, organisations["Seniorcaféen"])

    assert candidate.status == CandidateStatus.PROPOSED
    assert candidate.has_consented


def test_another_representative_stands_only_once_they_agree(election, organisations):
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory(name="Kollega")
    seniors.representatives.add(colleague)

    candidate = nominate(election, seniors, colleague, by=rep(seniors))

    assert not candidate.has_consented
    assert refusal(lambda: services.candidate_approve(candidate=candidate, user=rep(seniors))) == {"status": ["no_consent"]}
    services.candidate_consent(candidate=candidate, user=colleague)
    assert services.candidate_approve(candidate=candidate, user=rep(seniors)).status == CandidateStatus.APPROVED


def test_only_the_candidate_agrees_for_themselves(election, organisations):
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory()
    seniors.representatives.add(colleague)
    candidate = nominate(election, seniors, colleague, by=rep(seniors))

    with pytest.raises(ValidationError) as error:
        services.candidate_consent(candidate=candidate, user=rep(seniors))

    assert error.value.code == "not_the_candidate"


def test_the_candidate_is_one_of_the_organisations_representatives(election, organisations):
    outsider = factories.UserFactory()

    assert refusal(lambda: nominate(election, organisations["Seniorcaféen"], outsider, by=rep(organisations["Seniorcaféen"]))) == {
        "user": ["not_a_representative"]
    }


def test_only_a_representative_puts_up_the_organisations_candidate(election, organisations):
    seniors = organisations["Seniorcaféen"]
    stranger = rep(organisations["Lektiehjælpen"])

    assert refusal(lambda: nominate(election, seniors, rep(seniors), by=stranger)) == {
        "organisation": ["not_a_representative"]
    }


def test_an_organisation_puts_up_one_candidate(election, organisations):
    seniors = organisations["Seniorcaféen"]
    nominate(election, seniors)
    colleague = factories.UserFactory()
    seniors.representatives.add(colleague)

    assert refusal(lambda: nominate(election, seniors, colleague)) == {"organisation": ["organisation_has_candidate"]}


def test_a_person_stands_once(election, organisations):
    seniors, homework = organisations["Seniorcaféen"], organisations["Lektiehjælpen"]
    homework.representatives.add(rep(seniors))
    nominate(election, seniors)

    assert refusal(lambda: nominate(election, homework, rep(seniors))) == {"user": ["already_candidate"]}


def test_after_a_withdrawal_the_organisation_may_put_up_another(election, organisations):
    seniors = organisations["Seniorcaféen"]
    first = nominate(election, seniors)
    services.candidate_withdraw(candidate=first, user=rep(seniors))
    colleague = factories.UserFactory()
    seniors.representatives.add(colleague)

    assert nominate(election, seniors, colleague).status == CandidateStatus.PROPOSED


def test_nominations_are_taken_from_the_first_day_to_the_last(election, organisations):
    assert nominate(election, organisations["Seniorcaféen"], when=OPENS)
    assert nominate(election, organisations["Lektiehjælpen"], when=CLOSES)
    assert refusal(lambda: nominate(election, organisations["Kulturvennerne"], when=CLOSES + datetime.timedelta(days=1))) == {
        "__all__": ["nominations_closed"]
    }
    assert refusal(lambda: nominate(election, organisations["Idrætsvennerne"], when=OPENS - datetime.timedelta(days=1))) == {
        "__all__": ["nominations_closed"]
    }


@pytest.mark.parametrize(
    "change",
    [
        {"status": OrganisationStatus.PENDING},
        {"is_listed": False},
        {"hidden_reason": "Foreningen er nedlagt."},
    ],
)
def test_an_organisation_the_statutes_leave_out_cannot_put_up_a_candidate(election, organisations, change):
    seniors = organisations["Seniorcaféen"]
    type(seniors).objects.filter(pk=seniors.pk).update(**change)
    seniors.refresh_from_db()

    assert refusal(lambda: nominate(election, seniors)) == {"organisation": ["not_eligible"]}


def test_statutes_for_every_approved_organisation_let_an_unlisted_one_stand(election, organisations, statutes):
    type(statutes).objects.filter(pk=statutes.pk).update(who_may_stand=Eligibility.APPROVED)
    seniors = organisations["Seniorcaféen"]
    type(seniors).objects.filter(pk=seniors.pk).update(is_listed=False)
    seniors.refresh_from_db()
    election.term.statutes.refresh_from_db()

    assert nominate(election, seniors).status == CandidateStatus.PROPOSED


def test_another_municipalitys_organisation_cannot_stand(election):
    outsider = factories.OrganisationFactory(status=OrganisationStatus.APPROVED)
    outsider.representatives.add(factories.UserFactory())

    assert refusal(lambda: nominate(election, outsider)) == {"organisation": ["not_eligible"]}


def test_a_candidate_not_approved_is_told_why(election, organisations, owner):
    candidate = nominate(election, organisations["Seniorcaféen"])

    assert refusal(lambda: services.candidate_reject(candidate=candidate, user=owner, reason=" ")) == {
        "rejection_reason": ["reason_required"]
    }
    rejected = services.candidate_reject(candidate=candidate, user=owner, reason="Foreningen er ikke social.")
    assert (rejected.status, rejected.rejection_reason, rejected.decided_by) == (
        CandidateStatus.REJECTED, "Foreningen er ikke social.", owner
    )


# In the browser


def test_a_representative_puts_themselves_up(client, build, organisations):
    election = build("nomination", candidates=[])
    seniors = organisations["Seniorcaféen"]
    client.force_login(rep(seniors))

    page = client.get(url("election_nominate", election))
    response = client.post(
        url("election_nominate", election),
        {"candidate": f"{seniors.pk}-{rep(seniors).pk}", "statement": "Jeg vil arbejde for de små foreninger."},
        follow=True,
    )

    assert page.status_code == 200
    candidate = election.candidates.get()
    assert (candidate.user, candidate.organisation, candidate.statement) == (
        rep(seniors), seniors, "Jeg vil arbejde for de små foreninger."
    )
    assert messages_of(response) == [
        "Repræsentant for Seniorcaféen for Seniorcaféen er opstillet. Kommunen godkender kandidaterne."
    ]


def test_a_second_candidate_is_refused_on_the_field(client, build, organisations):
    election = build("nomination", candidates=["Seniorcaféen"])
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory(username="kollega")
    seniors.representatives.add(colleague)
    client.force_login(colleague)

    response = client.post(
        url("election_nominate", election), {"candidate": f"{seniors.pk}-{colleague.pk}", "statement": "Min tekst"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["candidate"] == [
        "Seniorcaféen har allerede en kandidat ved dette valg; en organisation opstiller én."
    ]
    assert response.context["form"]["statement"].value() == "Min tekst"
    assert election.candidates.count() == 1


def test_the_nominated_colleague_agrees_on_the_page(client, build, organisations):
    election = build("nomination", candidates=[])
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory(username="kollega")
    seniors.representatives.add(colleague)
    candidate = nominate(election, seniors, colleague, by=rep(seniors), when=day(0))
    client.force_login(colleague)

    page = client.get(election.get_absolute_url())
    client.post(url("candidate_consent", election, candidate=candidate.pk))

    assert url("candidate_consent", election, candidate=candidate.pk) in page.text
    candidate.refresh_from_db()
    assert candidate.has_consented


def test_after_the_close_the_page_explains_and_offers_no_form(client, build, organisations):
    election = build("nominated")
    client.force_login(rep(organisations["Seniorcaféen"]))

    response = client.get(url("election_nominate", election))

    assert response.status_code == 200
    assert not response.context["accepting"]
    assert 'name="candidate"' not in response.text


def test_the_municipality_decides_on_the_election_page(client, build, organisations, owner):
    election = build("nomination", candidates=["Seniorcaféen", "Lektiehjælpen"])
    seniors, homework = election.candidates.order_by("organisation__name")[1], election.candidates.order_by("organisation__name")[0]
    client.force_login(owner)

    client.post(url("candidate_approve", election, candidate=seniors.pk))
    empty = client.post(url("candidate_reject", election, candidate=homework.pk), {f"afvis-{homework.pk}-reason": ""})
    client.post(url("candidate_reject", election, candidate=homework.pk), {f"afvis-{homework.pk}-reason": "Ikke social."})

    assert empty.status_code == 200  # the election page again, the error on the field
    assert empty.context["candidates"][0].reject_form.errors["reason"]
    seniors.refresh_from_db(), homework.refresh_from_db()
    assert (seniors.status, homework.status, homework.rejection_reason) == ("approved", "rejected", "Ikke social.")
