"""One vote per organisation, kept by the database, also when two representatives of the same
organisation vote at the same moment (PostgreSQL only)."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connections, transaction

from policies import council_services as services
from policies.models import Candidate, CouncilElection, VoteReceipt
from tests import factories
from tests.organisations.postgresql import requires_postgresql

from .conftest import rep

pytestmark = requires_postgresql


def test_the_database_refuses_a_second_receipt(postgresql, build, organisations):
    election = build("voting", votes={"Seniorcaféen": ["Kulturvennerne"]})
    seniors = organisations["Seniorcaféen"]

    # Straight to the database, past VoteReceipt.clean(): only the unique constraint stands in the way.
    with pytest.raises(IntegrityError, match="election_one_vote_per_organisation"), transaction.atomic():
        VoteReceipt.objects.create(election=election, organisation=seniors, cast_by=rep(seniors))


@pytest.mark.django_db(transaction=True)
def test_two_votes_of_one_organisation_at_once_count_once(postgresql, build, organisations, monkeypatch):
    election = build("voting")
    seniors = organisations["Seniorcaféen"]
    colleague = factories.UserFactory(username="kollega")
    seniors.representatives.add(colleague)
    by_name = {c.organisation.name: c for c in election.candidates.select_related("organisation")}
    ballots = {rep(seniors): [by_name["Kulturvennerne"]], colleague: [by_name["Lektiehjælpen"], by_name["Idrætsvennerne"]]}

    # Make the check slow, so that without the election's lock both votes would look before either
    # commits, and the database would refuse the second with an IntegrityError.
    real_check = CouncilElection.check_ballot

    def slow_check(self, candidates):
        real_check(self, candidates)
        time.sleep(0.5)

    monkeypatch.setattr(CouncilElection, "check_ballot", slow_check)
    start = threading.Barrier(2, timeout=10)
    outcomes = {}

    def cast(user):
        try:
            start.wait()
            services.vote_cast(election=election, organisation=seniors, user=user, candidates=ballots[user])
            outcomes[user.username] = "cast"
        except ValidationError as error:
            outcomes[user.username] = error.error_dict["organisation"][0].code
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            outcomes[user.username] = repr(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cast, args=(user,)) for user in ballots]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["already_voted", "cast"]
    assert VoteReceipt.objects.filter(election=election).count() == 1
    winner = next(user for user in ballots if outcomes[user.username] == "cast")
    tallies = dict(Candidate.objects.filter(election=election).values_list("organisation__name", "votes"))
    assert sum(tallies.values()) == len(ballots[winner])


def test_every_candidates_row_is_written_by_each_vote_so_the_rows_tell_no_choice(postgresql, build, organisations):
    election = build("voting")
    kultur = election.candidates.get(organisation__name="Kulturvennerne")
    seniors = organisations["Seniorcaféen"]

    services.vote_cast(election=election, organisation=seniors, user=rep(seniors), candidates=[kultur])

    with connections["default"].cursor() as cursor:
        # xmin: the transaction that wrote the row version. Were only the chosen rows written by the
        # vote, theirs would stand out from the others', and name the organisation's choice.
        cursor.execute("SELECT DISTINCT xmin::text FROM policies_candidate WHERE election_id = %s", [election.pk])
        writers = cursor.fetchall()
    assert len(writers) == 1
