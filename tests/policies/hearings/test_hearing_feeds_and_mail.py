"""The list's filters, honoured by both feeds; opening mails; subscriptions; reminders once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command

from policies import services
from policies.models import Hearing, HearingSubscription
from tests import factories

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(municipality, other_body):
    other_administration = factories.AdministrationFactory(municipality=municipality)
    hearing = Hearing.objects.create(
        administration=other_administration, title="Høring om lokaler", summary="…", status="closed",
        opens_on=datetime.date(2023, 1, 2), response_deadline=datetime.date(2023, 2, 1),
        deciding_meeting_on=datetime.date(2023, 2, 10),
    )
    hearing.consulted_bodies.add(other_body)
    return hearing


@pytest.mark.parametrize("query", ["body={body}", "administration={administration}", "status=open", "year=2024"])
def test_the_list_and_both_feeds_honour_the_filter(client, hearing, second, query):
    query = query.format(body=hearing.consulted_bodies.get().pk, administration=hearing.administration_id)
    for name in ("hearing_list", "hearing_feed", "hearing_calendar"):
        page = client.get(f"{url(name)}?{query}").content.decode()
        assert "tilskudsregler" in page and "om lokaler" not in page, (name, query)
    ical = client.get(f"{url('hearing_calendar')}?{query}").content.decode()
    assert hearing.get_absolute_url() in ical.replace("\r\n ", "")
    assert hearing.get_absolute_url() in client.get(f"{url('hearing_feed')}?{query}").content.decode()


def test_drafts_are_in_no_feed(client, hearing):
    Hearing.objects.filter(pk=hearing.pk).update(status="draft")
    assert "tilskudsregler" not in client.get(url("hearing_feed")).content.decode()
    assert "tilskudsregler" not in client.get(url("hearing_calendar")).content.decode()


def test_a_bad_filter_value_is_no_error(client, hearing):
    assert client.get(url("hearing_list") + "?year=abc&status=nope").status_code == 200


def test_opening_mails_members_and_confirmed_subscribers_once(hearing, people, administration):
    Hearing.objects.filter(pk=hearing.pk).update(status="draft")
    confirmed = HearingSubscription.objects.create(email="abonnent@example.org", confirmed_at="2024-01-01T00:00Z")
    confirmed.administrations.add(administration)
    HearingSubscription.objects.create(email="ubekraeftet@example.org").administrations.add(administration)
    services.hearing_open(hearing=hearing, today=datetime.date(2024, 3, 1))
    assert sorted(m.to[0] for m in mail.outbox) == ["abonnent@example.org", "medlem@example.org"]
    subscriber_mail = next(m for m in mail.outbox if m.to == ["abonnent@example.org"])
    assert "/afmeld/" in subscriber_mail.body and "List-Unsubscribe" in subscriber_mail.extra_headers
    with pytest.raises(Exception):
        services.hearing_open(hearing=hearing, today=datetime.date(2024, 3, 1))
    assert len(mail.outbox) == 2


def test_subscribe_confirm_and_unsubscribe(client, administration):
    client.post(url("hearing_subscribe"), {"email": "borger@example.org", "administrations": [administration.pk]})
    subscription = HearingSubscription.objects.get()
    assert not subscription.is_confirmed()
    link = next(line for line in mail.outbox[0].body.splitlines() if "/bekraeft/" in line)
    client.get(link.split("8000", 1)[1])
    subscription.refresh_from_db()
    assert subscription.is_confirmed()
    token = services.unsubscribe_token(subscription)
    assert client.get(url("hearing_unsubscribe", token=token)).status_code == 200
    assert HearingSubscription.objects.exists()  # a link checker's GET unsubscribes nobody
    client.post(url("hearing_unsubscribe", token=token))
    assert not HearingSubscription.objects.exists()


def test_a_forged_token_confirms_nothing(client, administration):
    subscription = HearingSubscription.objects.create(email="x@example.org")
    client.get(url("hearing_subscription_confirm", token=f"{subscription.pk}:forged"))
    subscription.refresh_from_db()
    assert not subscription.is_confirmed()
    client.post(url("hearing_unsubscribe", token=services.confirm_token(subscription)))
    assert HearingSubscription.objects.exists()  # a confirmation token is no unsubscribe token


def test_members_are_reminded_once_before_the_deadline(hearing, people):
    call_command("send_reminders", today=datetime.date(2024, 3, 30), days=[3], verbosity=0)
    call_command("send_reminders", today=datetime.date(2024, 3, 31), days=[3], verbosity=0)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["medlem@example.org", people["caseworker"].email]
    assert all("tilskudsregler" in m.subject for m in mail.outbox)


def test_a_member_who_has_answered_is_not_reminded(hearing, people, today):
    today(datetime.date(2024, 3, 20))
    services.response_submit(hearing=hearing, author=people["member"], text="Svar")
    call_command("send_reminders", today=datetime.date(2024, 3, 30), days=[3], verbosity=0)
    assert [m.to[0] for m in mail.outbox] == [people["caseworker"].email]


def test_the_dashboard_lists_the_hearing_for_members_and_caseworkers(client, hearing, people, today):
    today(datetime.date(2024, 3, 15))
    for role, shown in [("member", True), ("caseworker", True), ("other_member", False), ("citizen", False)]:
        client.force_login(people[role])
        assert ("tilskudsregler" in client.get("/oversigt/").content.decode()) == shown, role


@pytest.mark.parametrize("size", [1, 8])
def test_pages_run_a_fixed_number_of_queries(client, hearing, people, body, django_assert_max_num_queries, today, size):
    today(datetime.date(2024, 4, 5))
    for n in range(size):
        user = factories.UserFactory()
        factories.BodyMembershipFactory(body=body, user=user, starts_on=datetime.date(2020, 1, 1), on_behalf_of=f"F{n}")
        Hearing.objects.create(administration=hearing.administration, title=f"H{n}", summary=".", status="open",
                               opens_on=datetime.date(2024, 1, 1), response_deadline=datetime.date(2024, 2, 1),
                               deciding_meeting_on=datetime.date(2024, 3, 1)).consulted_bodies.add(body)
        hearing.responses.create(author=user, body=body, text="Svar", status="submitted",
                                 submitted_at="2024-03-02T10:00Z")
    client.force_login(people["caseworker"])
    for address in (url("hearing_list"), hearing.get_absolute_url(), url("hearing_feed"), url("hearing_calendar"),
                    url("hearing_note", pk=hearing.pk)):
        with django_assert_max_num_queries(16):
            assert client.get(address).status_code == 200
