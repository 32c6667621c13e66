"""The vote is secret: casting it stores that the organisation voted and who cast its votes, and
nothing that links the organisation, or the person, to the candidates chosen."""

from django.apps import apps
from django.conf import settings

from policies import council_services as services
from policies.models import Candidate, VoteReceipt

from .conftest import at, day, rep


def row_counts():
    """The number of rows of every table of the project's own apps and of Django's."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_a_vote_adds_one_row_the_receipt_and_changes_only_the_tallies(build, organisations):
    election = build("voting")
    chosen = list(election.candidates.filter(organisation__name__in=["Kulturvennerne", "Lektiehjælpen"]))
    before = row_counts()

    receipt = services.vote_cast(
        election=election, organisation=organisations["Seniorcaféen"], user=rep(organisations["Seniorcaféen"]),
        candidates=chosen, now=at(day(0)),
    )

    after = row_counts()
    assert {label: after[label] - before[label] for label in after if after[label] != before[label]} == {
        "policies.VoteReceipt": 1
    }
    assert sorted(Candidate.objects.filter(votes=1).values_list("organisation__name", flat=True)) == [
        "Kulturvennerne", "Lektiehjælpen"
    ]
    assert receipt.election == election


def test_the_receipt_names_no_candidate():
    fields = {field.name: field for field in VoteReceipt._meta.get_fields()}

    assert set(fields) == {"id", "election", "organisation", "cast_by", "cast_at"}
    assert not any(field.is_relation and field.related_model is Candidate for field in fields.values())


def test_nothing_that_stores_a_person_or_an_organisation_points_at_a_vote():
    # The tallies are counters on the candidate; no model refers to a receipt, and the candidate's
    # history is not kept (a history row per vote would date each tally, and so match it to a receipt).
    referring = [
        field
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete and field.related_model is VoteReceipt
    ]
    assert referring == []
    assert not hasattr(Candidate, "history")
    assert "simple_history" in settings.INSTALLED_APPS  # so the line above means something


def test_the_running_tally_is_shown_to_no_one_before_the_count(client, build, organisations, owner):
    election = build("voting", votes={"Seniorcaféen": ["Kulturvennerne"]})
    client.force_login(owner)

    page = client.get(election.get_absolute_url())

    assert page.context["results"] == []
    assert "Stemmer</th>" not in page.text
