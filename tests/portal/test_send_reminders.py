"""``manage.py send_reminders``, run daily from cron: each responsible person is reminded a set
number of days before each deadline and told the day after it has passed, once and only once."""

import io
import smtplib
import threading
import time

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, connections

from portal import services
from portal.models import ReminderKind, SentReminder
from tests.portal.conftest import PLANS_DUE, PROCESS_PLANS_DUE, REVISION_DUE, days

pytestmark = pytest.mark.usefixtures("english", "fast_passwords")


@pytest.fixture(autouse=True)
def reminder_settings(settings):
    settings.REMINDER_DAYS_BEFORE = [14, 3]
    settings.SITE_URL = "https://frivillig.example.dk"


def send_reminders(today, *args):
    out = io.StringIO()
    call_command("send_reminders", "--today", today.isoformat(), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def sent(outbox=None):
    """(recipient, subject) of each e-mail sent, in order."""
    return [(message.to[0], message.subject) for message in (outbox if outbox is not None else mail.outbox)]


HEALTH_PLAN = "Implementation plan of Sundheds- og Omsorgsforvaltningen"
EMPLOYMENT_PLAN = "Implementation plan of Beskæftigelses- og Integrationsforvaltningen"


def test_caseworkers_are_reminded_fourteen_days_before_their_plan_is_due(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))

    assert sorted(sent()) == [
        ("bif@kk.example.dk", f"Reminder: {EMPLOYMENT_PLAN} is due on 15. December 2006"),
        ("sof@kk.example.dk", f"Reminder: {HEALTH_PLAN} is due on 15. December 2006"),
    ]


def test_the_reminder_says_when_and_links_to_the_plan(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))

    (message,) = [message for message in mailoutbox if message.to == ["sof@kk.example.dk"]]
    assert message.body.startswith("Dear Sanne Sundhed,")
    assert f'"{HEALTH_PLAN}" is due in 14 days, on 15. December 2006.' in message.body
    assert "https://frivillig.example.dk" + copenhagen.health_plan.get_absolute_url() in message.body
    assert "https://frivillig.example.dk/oversigt/" in message.body


def test_an_administration_without_a_plan_is_reminded_with_a_link_to_the_policy(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))

    (message,) = [message for message in mailoutbox if message.to == ["bif@kk.example.dk"]]
    assert "https://frivillig.example.dk/politik/koebenhavn-2006/" in message.body


def test_the_policy_owner_is_not_reminded_of_the_administrations_plans(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))

    assert "ejer@kk.example.dk" not in [to for to, _subject in sent()]


def test_nobody_is_reminded_between_the_offsets(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))
    mailoutbox.clear()

    for days_before in range(13, 3, -1):
        send_reminders(PLANS_DUE - days(days_before))

    assert sent() == []


def test_the_second_reminder_comes_three_days_before(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))
    mailoutbox.clear()

    send_reminders(PLANS_DUE - days(3))

    assert sorted(sent()) == [
        ("bif@kk.example.dk", f"Reminder: {EMPLOYMENT_PLAN} is due on 15. December 2006"),
        ("sof@kk.example.dk", f"Reminder: {HEALTH_PLAN} is due on 15. December 2006"),
    ]
    (message,) = [message for message in mailoutbox if message.to == ["sof@kk.example.dk"]]
    assert f'"{HEALTH_PLAN}" is due in 3 days, on 15. December 2006.' in message.body


def test_a_notice_goes_out_on_the_day_after_the_deadline_has_passed(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE)  # due today: the three-day reminder, not yet overdue
    assert all(subject.startswith("Reminder:") for _to, subject in sent())
    mailoutbox.clear()

    send_reminders(PLANS_DUE + days(1))

    assert sorted(sent()) == [
        ("bif@kk.example.dk", f"Deadline passed: {EMPLOYMENT_PLAN} (15. December 2006)"),
        ("sof@kk.example.dk", f"Deadline passed: {HEALTH_PLAN} (15. December 2006)"),
    ]
    assert "was 15. December 2006, and it has now passed." in mailoutbox[0].body


def test_running_again_sends_nothing(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14))
    first = len(mailoutbox)

    output = send_reminders(PLANS_DUE - days(14))

    assert first == 2 and len(mailoutbox) == 2
    assert "Sent 0 reminders." in output
    assert SentReminder.objects.count() == 2


def test_each_sent_reminder_is_recorded(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(3))

    record = SentReminder.objects.get(user=copenhagen.health_worker)
    assert record.deadline_key == f"plan:{copenhagen.policy.pk}:{copenhagen.health.pk}:2006-12-15"
    assert (record.kind, record.days_before, record.due_on) == (ReminderKind.BEFORE, 3, PLANS_DUE)


def test_a_missed_day_is_caught_up_on_the_next_run(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(12))  # cron did not run on the 14th and 13th day before

    assert len(mailoutbox) == 2
    assert "is due in 12 days" in mailoutbox[0].body


def test_a_deadline_long_past_sends_no_notice(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE + days(30))

    assert [subject for _to, subject in sent() if "plan of" in subject] == []


def test_the_policy_owner_is_reminded_of_the_revision(copenhagen, mailoutbox):
    send_reminders(REVISION_DUE - days(14))

    assert sent() == [
        (
            "ejer@kk.example.dk",
            "Reminder: Revision of Københavns Kommunes frivillighedspolitik 2006 is due on 15. December 2009",
        )
    ]


def test_caseworkers_are_reminded_of_the_process_plan(copenhagen, mailoutbox):
    send_reminders(PROCESS_PLANS_DUE - days(3))

    assert sorted(to for to, _subject in sent()) == ["bif@kk.example.dk", "sof@kk.example.dk"]


def test_the_days_option_overrides_the_setting(copenhagen, mailoutbox):
    send_reminders(PLANS_DUE - days(14), "--days", "7")
    assert sent() == []

    send_reminders(PLANS_DUE - days(7), "--days", "7")
    assert len(mailoutbox) == 2


def test_the_days_come_from_the_setting(copenhagen, mailoutbox, settings):
    settings.REMINDER_DAYS_BEFORE = [30]

    send_reminders(PLANS_DUE - days(30))

    assert len(mailoutbox) == 2


def test_a_dry_run_lists_but_neither_sends_nor_records(copenhagen, mailoutbox):
    output = send_reminders(PLANS_DUE - days(14), "--dry-run")

    assert f"sof@kk.example.dk: {HEALTH_PLAN}, due on 15. December 2006 (14 days' reminder)" in output
    assert "2 reminders are due (dry run: nothing sent)." in output
    assert mailoutbox == [] and SentReminder.objects.count() == 0


def test_someone_without_an_e_mail_address_is_named_not_reminded(copenhagen, mailoutbox):
    copenhagen.health_worker.email = ""
    copenhagen.health_worker.save()

    output = send_reminders(PLANS_DUE - days(14))

    assert sent() == [("bif@kk.example.dk", f"Reminder: {EMPLOYMENT_PLAN} is due on 15. December 2006")]
    assert "Sanne Sundhed has no e-mail address" in output


def test_a_reminder_that_could_not_be_sent_is_tried_again_next_time(copenhagen, mailoutbox, monkeypatch):
    def mail_server_down(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(services, "send_mail", mail_server_down)
    with pytest.raises(CommandError, match="2 reminders could not be sent"):
        send_reminders(PLANS_DUE - days(14))
    assert SentReminder.objects.count() == 0

    monkeypatch.undo()
    send_reminders(PLANS_DUE - days(13))

    assert len(mailoutbox) == 2


def test_unreadable_days_fail_loudly(copenhagen):
    with pytest.raises(CommandError, match="whole numbers of days"):
        send_reminders(PLANS_DUE, "--days", "fjorten")


# Two runs at once (cron overlapping a manual run) still send each reminder once. Only PostgreSQL
# lets two connections write at the same time; SQLite locks the whole database for each writer.


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent runs need a database with row-level locking: run with a PostgreSQL DATABASE_URL",
)
@pytest.mark.django_db(transaction=True)
def test_two_runs_at_the_same_moment_send_each_reminder_once(copenhagen, mailoutbox, monkeypatch):
    real_send_mail = services.send_mail

    def slow_send_mail(*args, **kwargs):
        time.sleep(0.2)  # hold the claim open while the other run reaches the same reminder
        return real_send_mail(*args, **kwargs)

    # Both runs find the same two reminders unsent before either sends one.
    both_have_looked = threading.Barrier(2, timeout=10)
    real_reminders_due = services.reminders_due

    def reminders_due(**kwargs):
        reminders = real_reminders_due(**kwargs)
        both_have_looked.wait()
        return reminders

    outcomes = []
    real_reminder_send = services.reminder_send

    def reminder_send(**kwargs):
        outcomes.append(real_reminder_send(**kwargs))
        return outcomes[-1]

    monkeypatch.setattr(services, "send_mail", slow_send_mail)
    monkeypatch.setattr(services, "reminders_due", reminders_due)
    monkeypatch.setattr(services, "reminder_send", reminder_send)
    errors = []

    def run():
        try:
            send_reminders(PLANS_DUE - days(14))
        except Exception as error:  # noqa: BLE001  (reported by the assertion below)
            errors.append(error)
        finally:
            connections.close_all()

    runs = [threading.Thread(target=run) for _ in range(2)]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join()

    assert errors == []
    assert sorted(outcomes) == [False, False, True, True]  # each run tried both; each reminder went once
    assert sorted(sent()) == [
        ("bif@kk.example.dk", f"Reminder: {EMPLOYMENT_PLAN} is due on 15. December 2006"),
        ("sof@kk.example.dk", f"Reminder: {HEALTH_PLAN} is due on 15. December 2006"),
    ]
    assert SentReminder.objects.count() == 2


def test_the_days_are_read_from_the_environment(monkeypatch):
    from portal.settings import env_days

    monkeypatch.setenv("REMINDER_DAYS_BEFORE", "30, 7,1")

    assert env_days("REMINDER_DAYS_BEFORE", [14, 3]) == [30, 7, 1]


@pytest.mark.parametrize("value", ["14,tre", "14,-3"])
def test_unreadable_days_in_the_environment_stop_the_start(monkeypatch, value):
    from django.core.exceptions import ImproperlyConfigured

    from portal.settings import env_days

    monkeypatch.setenv("REMINDER_DAYS_BEFORE", value)

    with pytest.raises(ImproperlyConfigured, match="REMINDER_DAYS_BEFORE"):
        env_days("REMINDER_DAYS_BEFORE", [14, 3])
