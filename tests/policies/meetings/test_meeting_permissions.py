"""Every meeting address walked as each role, for a published and a draft meeting of an
administration, and for a meeting of a consulted body: anonymous → log in; a role that may read
but not do this → 403; outside one's reach (a draft of another administration, another
municipality) → 404; the organisers → 200 (or the action's redirect)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policies.models import Meeting, MeetingDocument, MeetingStatus
from tests.policies.helpers import is_login_redirect
from tests.policies.meetings.factories import MeetingActionFactory, MeetingSignupFactory

from .conftest import url

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous", "citizen", "representative", "other_representative", "member", "caseworker",
    "other_caseworker", "owner", "other_owner",
]
OK, LOGIN = "ok", "login"


def outcome(response):
    if is_login_redirect(response):
        return LOGIN
    return OK if response.status_code in (200, 302) else response.status_code


def requests(meeting, document, action, signup):
    pk = meeting.pk
    return {
        "detail": ("get", url("meeting_detail", pk=pk)),
        "ical": ("get", url("meeting_ical", pk=pk)),
        "document": ("get", url("meeting_document", pk=pk, document=document.pk)),
        "signup_citizen": ("get", url("meeting_signup_citizen", pk=pk)),
        "signup_organisation": ("get", url("meeting_signup_organisation", pk=pk)),
        "signup_organisation_cancel": ("post", url("meeting_signup_organisation_cancel", pk=pk, signup=signup.pk)),
        "signups": ("get", url("meeting_signups", pk=pk)),
        "update": ("get", url("meeting_update", pk=pk)),
        "publish": ("post", url("meeting_publish", pk=pk)),
        "cancel": ("get", url("meeting_cancel", pk=pk)),
        "attendance": ("get", url("meeting_attendance", pk=pk)),
        "minutes": ("get", url("meeting_minutes", pk=pk)),
        "action_create": ("get", url("meeting_action_create", pk=pk)),
        "action_update": ("get", url("meeting_action_update", pk=pk, action=action.pk)),
        "action_delete": ("post", url("meeting_action_delete", pk=pk, action=action.pk)),
        "document_remove": ("post", url("meeting_document_remove", pk=pk, document=document.pk)),
    }


PUBLIC = dict.fromkeys(ROLES, OK)
SIGNED_IN = {**dict.fromkeys(ROLES, 403), "anonymous": LOGIN}
ORGANISERS = {**SIGNED_IN, "caseworker": OK, "owner": OK}
PUBLISHED = {
    "detail": PUBLIC, "ical": PUBLIC, "document": PUBLIC, "signup_citizen": PUBLIC,
    "signup_organisation": {**SIGNED_IN, "representative": OK},
    # Only the organisation's own representatives reach its sign-up.
    "signup_organisation_cancel": {**SIGNED_IN, **dict.fromkeys(ROLES[1:], 404), "representative": OK},
    **{name: ORGANISERS for name in (
        "signups", "update", "publish", "cancel", "attendance", "minutes", "action_create", "action_update",
        "action_delete", "document_remove",
    )},
}
HIDDEN = {**dict.fromkeys(ROLES, 404), "caseworker": OK, "owner": OK}
DRAFT = {
    **{name: HIDDEN for name in ("detail", "ical", "document", "signup_citizen")},
    **{name: {**HIDDEN, "anonymous": LOGIN} for name in PUBLISHED if name not in ("detail", "ical", "document", "signup_citizen")},
    # The organisers may read the draft, but nobody signs up for it.
    "signup_organisation": {**HIDDEN, "anonymous": LOGIN, "caseworker": 403, "owner": 403},
    "signup_organisation_cancel": {**HIDDEN, "anonymous": LOGIN, "caseworker": 404, "owner": 404},
}


@pytest.fixture
def setting(meeting, organisation):
    document = MeetingDocument.objects.create(
        meeting=meeting, title="Indbydelse", file=SimpleUploadedFile("indbydelse.pdf", b"%PDF-1.4\n%%EOF"), kind="pdf"
    )
    return {
        "document": document,
        "action": MeetingActionFactory(meeting=meeting),
        "signup": MeetingSignupFactory(meeting=meeting, organisation=organisation),
    }


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", [MeetingStatus.PUBLISHED, MeetingStatus.DRAFT])
def test_every_meeting_address_answers_each_role(client, meeting, setting, people, role, status):
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    expected = PUBLISHED if status == MeetingStatus.PUBLISHED else DRAFT
    if people[role]:
        client.force_login(people[role])
    for name, (method, address) in requests(meeting, **setting).items():
        if name == "publish" and status == MeetingStatus.PUBLISHED:
            continue  # a published meeting cannot be published again: a message, not a permission
        response = client.post(address) if method == "post" else client.get(address)
        assert outcome(response) == expected[name][role], (name, role)


@pytest.mark.parametrize("role", ROLES)
def test_the_members_of_an_organising_body_manage_its_meetings(client, body_meeting, people, role):
    if people[role]:
        client.force_login(people[role])
    expected = {**SIGNED_IN, "member": OK, "owner": OK}[role]

    assert outcome(client.get(url("meeting_update", pk=body_meeting.pk))) == expected


@pytest.mark.parametrize("role, expected", [
    ("anonymous", LOGIN), ("citizen", 403), ("representative", 403), ("other_representative", 403),
    ("member", OK), ("caseworker", OK), ("other_caseworker", OK), ("owner", OK),
    # A policy owner of a municipality with no administration or body yet has no organiser to name.
    ("other_owner", 403),
])
def test_organisers_of_any_kind_may_start_a_meeting(client, people, role, expected):
    if people[role]:
        client.force_login(people[role])

    assert outcome(client.get(url("meeting_create"))) == expected


def test_the_create_form_offers_only_the_users_own_organisers(client, people, administration, body):
    client.force_login(people["caseworker"])

    choices = [value for _group, options in client.get(url("meeting_create")).context["form"].fields["organiser"].choices for value, _label in options]

    assert choices == [f"forvaltning-{administration.pk}"]


def test_a_forged_organiser_is_refused_beside_the_field(client, people, body):
    client.force_login(people["caseworker"])

    response = client.post(url("meeting_create"), {"organiser": f"udvalg-{body.pk}", "title": "Møde"})

    assert response.status_code == 200
    assert "organiser" in response.context["form"].errors
    assert not Meeting.objects.exists()


def test_actions_are_post_only(client, meeting, people):
    client.force_login(people["caseworker"])
    for name in ("meeting_publish", "meeting_action_delete", "meeting_document_remove"):
        kwargs = {"pk": meeting.pk}
        if name == "meeting_action_delete":
            kwargs["action"] = MeetingActionFactory(meeting=meeting).pk
        if name == "meeting_document_remove":
            kwargs["document"] = 1
        assert client.get(url(name, **kwargs)).status_code == 405, name
