"""Anyone, signed in or not, reports a post with a reason; the report reaches the moderators' queue and
dashboard; it is handled once: the post is kept, or hidden (which handles every open report of it),
or its author deletes it."""

import pytest
from django.core.exceptions import ValidationError

from portal import debate_services as services
from portal.models import Report, ReportOutcome
from tests.portal.debate.factories import PostFactory


@pytest.fixture
def reply(topic, other_citizen):
    return PostFactory(topic=topic, author=other_citizen, body="Ring til FrivilligPro i dag!")


def test_an_anonymous_visitor_reports_a_post(client, reply):
    response = client.post(f"/debat/indlaeg/{reply.pk}/anmeld/", {"reason": "Det er reklame."}, follow=True)

    report = Report.objects.get()
    assert (report.post, report.reason, report.reported_by, report.is_open) == (reply, "Det er reklame.", None, True)
    assert "Tak. Moderatorerne ser på indlægget." in response.text


def test_a_report_needs_a_reason(client, reply):
    response = client.post(f"/debat/indlaeg/{reply.pk}/anmeld/", {"reason": ""})

    assert response.status_code == 200
    assert response.context["form"].has_error("reason", "required")
    assert not Report.objects.exists()


def test_a_signed_in_persons_second_report_adds_nothing(citizen, reply):
    first = services.report_create(post=reply, reason="Reklame", reported_by=citizen)
    second = services.report_create(post=reply, reason="Stadig reklame", reported_by=citizen)

    assert first == second and Report.objects.count() == 1


def test_visitors_reports_past_five_add_nothing(client, reply):
    """Nothing tells one visitor from another, so a flood of reports stops at five open ones."""
    for n in range(7):
        response = client.post(f"/debat/indlaeg/{reply.pk}/anmeld/", {"reason": f"Reklame {n}"}, follow=True)
        assert "Tak. Moderatorerne ser på indlægget." in response.text

    assert list(Report.objects.values_list("reason", flat=True)) == [f"Reklame {n}" for n in range(5)]


def test_a_hidden_post_cannot_be_reported(client, reply, copenhagen):
    services.post_hide(post=reply, moderator=copenhagen.owner, reason="Reklame")

    assert client.get(f"/debat/indlaeg/{reply.pk}/anmeld/").status_code == 403
    with pytest.raises(ValidationError) as refused:
        services.report_create(post=reply, reason="Reklame")
    assert refused.value.error_dict["post"][0].code == "post_not_shown"


def test_the_report_reaches_the_queue_and_the_dashboard(client, reply, copenhagen):
    services.report_create(post=reply, reason="Det er reklame.")
    client.force_login(copenhagen.moderator)

    queue = client.get("/debat/moderation/")
    dashboard = client.get("/oversigt/")

    assert [post for post, _reports in queue.context["reported"]] == [reply]
    assert "Det er reklame." in queue.text
    assert dashboard.context["moderation"] == {"pending": 0, "reports": 1}
    assert "1 anmeldelse venter på behandling" in dashboard.text


def test_someone_who_moderates_nothing_has_no_moderation_on_the_dashboard(client, citizen):
    client.force_login(citizen)

    assert client.get("/oversigt/").context["moderation"] is None


def test_keeping_the_post_handles_the_report_once(client, reply, copenhagen):
    report = services.report_create(post=reply, reason="Reklame")
    client.force_login(copenhagen.moderator)

    client.post(f"/debat/anmeldelser/{report.pk}/behold/")
    again = client.post(f"/debat/anmeldelser/{report.pk}/behold/", follow=True)

    report.refresh_from_db()
    assert (report.outcome, report.handled_by) == (ReportOutcome.KEPT, copenhagen.moderator)
    assert "Anmeldelsen var allerede behandlet" in again.text


def test_a_handled_report_is_not_handled_again(reply, copenhagen):
    report = services.report_create(post=reply, reason="Reklame")
    services.report_dismiss(report=report, moderator=copenhagen.moderator)

    with pytest.raises(ValidationError) as refused:
        services.report_dismiss(report=report, moderator=copenhagen.owner)

    assert refused.value.error_dict["outcome"][0].code == "already_handled"
    report.refresh_from_db()
    assert report.handled_by == copenhagen.moderator


def test_hiding_the_post_handles_its_open_reports_only(reply, copenhagen, citizen):
    kept = services.report_create(post=reply, reason="Første")
    services.report_dismiss(report=kept, moderator=copenhagen.moderator)
    open_reports = [
        services.report_create(post=reply, reason="Anden", reported_by=citizen),
        services.report_create(post=reply, reason="Tredje"),
    ]

    services.post_hide(post=reply, moderator=copenhagen.owner, reason="Reklame")

    kept.refresh_from_db()
    assert (kept.outcome, kept.handled_by) == (ReportOutcome.KEPT, copenhagen.moderator)
    for report in open_reports:
        report.refresh_from_db()
        assert (report.outcome, report.handled_by) == (ReportOutcome.HIDDEN, copenhagen.owner)


def test_deleting_the_post_closes_its_reports(reply):
    report = services.report_create(post=reply, reason="Reklame")

    services.post_delete(post=reply)

    report.refresh_from_db()
    assert report.outcome == ReportOutcome.DELETED and not report.is_open
