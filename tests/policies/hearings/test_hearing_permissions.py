"""Every hearing address walked as each role, for a draft and an open hearing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policies.models import HearingDocument, HearingStatus
from tests.policies.helpers import is_login_redirect

from .conftest import url

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "citizen", "member", "other_member", "caseworker", "other_caseworker", "owner"]
OK, LOGIN = "ok", "login"


def outcome(response):
    if is_login_redirect(response):
        return LOGIN
    return OK if response.status_code in (200, 302) else response.status_code


def requests(hearing, document):
    pk = hearing.pk
    return {
        "detail": ("get", url("hearing_detail", pk=pk), None),
        "document": ("get", url("hearing_document", pk=pk, document=document.pk), None),
        "respond": ("get", url("hearing_respond", pk=pk), None),
        "respond_post": ("post", url("hearing_respond", pk=pk), {"text": "Svar", "save": ""}),
        "update": ("get", url("hearing_update", pk=pk), None),
        "extend": ("get", url("hearing_extend", pk=pk), None),
        "close": ("post", url("hearing_close", pk=pk), {}),
        "note": ("get", url("hearing_note", pk=pk), None),
        "create": ("get", url("hearing_create", administration=hearing.administration.slug), None),
    }


MANAGE = {"anonymous": LOGIN, "citizen": 403, "member": 403, "other_member": 403, "caseworker": OK,
          "other_caseworker": 403, "owner": 403}
OPEN = {
    "detail": dict.fromkeys(ROLES, OK),
    "document": dict.fromkeys(ROLES, OK),
    "respond": {**MANAGE, "member": OK, "caseworker": 403},
    "respond_post": {**MANAGE, "member": OK, "caseworker": 403},
    "update": MANAGE, "extend": MANAGE, "close": MANAGE, "note": MANAGE,
    "create": {**MANAGE, "citizen": 404, "member": 404, "other_member": 404, "other_caseworker": 404, "owner": 404},
}
HIDDEN = {"anonymous": 404, "citizen": 404, "member": 404, "other_member": 404, "caseworker": OK,
          "other_caseworker": 404, "owner": OK}
DRAFT = {
    **OPEN,
    "detail": HIDDEN, "document": HIDDEN,
    "respond": {**HIDDEN, "anonymous": LOGIN, "caseworker": 403, "owner": 403},
    "respond_post": {**HIDDEN, "anonymous": LOGIN, "caseworker": 403, "owner": 403},
    **{name: {**HIDDEN, "anonymous": LOGIN, "owner": 403} for name in ("update", "extend", "close", "note")},
}


@pytest.fixture
def document(hearing):
    return HearingDocument.objects.create(
        hearing=hearing, title="Udkast", file=SimpleUploadedFile("udkast.pdf", b"%PDF-1.4\n%%EOF"), kind="pdf"
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", ["open", "draft"])
def test_every_hearing_address_answers_each_role(client, hearing, document, people, today, role, status):
    today(datetime.date(2024, 3, 15))
    if status == "draft":
        hearing.__class__.objects.filter(pk=hearing.pk).update(status=HearingStatus.DRAFT)
    expected = OPEN if status == "open" else DRAFT
    if people[role]:
        client.force_login(people[role])
    for name, (method, address, data) in requests(hearing, document).items():
        response = client.post(address, data) if method == "post" else client.get(address)
        assert outcome(response) == expected[name][role], (name, role)


def test_public_pages_answer_everyone(client, hearing):
    for name in ("hearing_list", "hearing_feed", "hearing_calendar", "hearing_subscribe"):
        assert client.get(url(name)).status_code == 200, name


def test_open_and_close_only_by_post(client, hearing, people):
    client.force_login(people["caseworker"])
    assert client.get(url("hearing_open", pk=hearing.pk)).status_code == 405
    assert client.get(url("hearing_close", pk=hearing.pk)).status_code == 405
