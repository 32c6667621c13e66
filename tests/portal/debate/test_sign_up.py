"""Citizens and volunteers sign up themselves: an e-mail address (they sign in with it), a display name
(all that is shown of them) and a password. They post once they have confirmed the address through the
link mailed to it."""

import re
import time
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError

from portal import debate_services as services
from portal.models import Post

SIGN_UP = "/debat/tilmeld/"
PASSWORD = "Kanelsnegl-2026"


def sign_up(client, **values):
    data = {"email": "Hanne@Example.org", "display_name": "Hanne fra Aars", "password1": PASSWORD, "password2": PASSWORD}
    return client.post(SIGN_UP, {**data, **values})


def link_in(message):
    return re.search(r"http\S+/debat/bekraeft/\S+/", message.body).group(0)


def test_signing_up_makes_an_account_signs_in_and_mails_a_link(client, db, mailoutbox):
    response = sign_up(client)

    user = get_user_model().objects.get(username="hanne@example.org")
    assert (user.email, user.display_name, user.has_confirmed_email) == ("hanne@example.org", "Hanne fra Aars", False)
    assert user.check_password(PASSWORD)
    assert response.url == "/debat/profil/"
    assert int(client.session["_auth_user_id"]) == user.pk
    assert mailoutbox[0].to == ["hanne@example.org"]
    assert "/debat/bekraeft/" in mailoutbox[0].body


def test_the_new_participant_signs_in_with_the_email_address(client, db):
    sign_up(client)
    client.logout()

    response = client.post("/log-ind/", {"username": "hanne@example.org", "password": PASSWORD})

    assert response.status_code == 302


def test_following_the_link_shows_a_button_that_confirms(client, db, mailoutbox):
    sign_up(client)
    path = urlsplit(link_in(mailoutbox[0])).path
    user = get_user_model().objects.get()

    page = client.get(path)
    user.refresh_from_db()
    assert page.status_code == 200 and not user.has_confirmed_email  # a mail program's check confirms nothing

    client.post(path)

    user.refresh_from_db()
    assert user.has_confirmed_email


def test_until_confirmed_a_participant_cannot_post(client, unconfirmed, topic):
    client.force_login(unconfirmed)

    page = client.get(topic.get_absolute_url()).text
    response = client.post(topic.get_absolute_url(), {"body": "Mit første svar"})

    assert "Bekræft din e-mailadresse, før du skriver" in page
    assert response.context["form"].non_field_errors()
    assert not Post.objects.filter(body="Mit første svar").exists()


def test_someone_without_a_display_name_is_asked_for_one(client, caseworker, topic):
    caseworker.confirmed_email = caseworker.email
    caseworker.save()
    client.force_login(caseworker)

    with pytest.raises(ValidationError) as refused:
        services.reply_create(topic=topic, author=caseworker, body="Hej")

    assert refused.value.error_dict["author"][0].code == "no_display_name"
    assert "Vælg det visningsnavn" in client.get(topic.get_absolute_url()).text


def test_a_changed_address_must_be_confirmed_again(citizen):
    citizen.email = "bo@andet.example.org"
    citizen.save()

    assert not citizen.has_confirmed_email


def test_a_link_for_an_old_address_confirms_nothing(client, unconfirmed):
    token = services.confirmation_token(unconfirmed)
    unconfirmed.email = "nyt@example.org"
    unconfirmed.save()

    client.post(f"/debat/bekraeft/{token}/")

    unconfirmed.refresh_from_db()
    assert not unconfirmed.has_confirmed_email


def test_an_old_link_confirms_nothing(client, unconfirmed, monkeypatch):
    # The link was made four days ago; it works for three.
    four_days_ago = time.time() - 4 * 24 * 3600
    with monkeypatch.context() as earlier:
        earlier.setattr(signing.time, "time", lambda: four_days_ago)
        token = services.confirmation_token(unconfirmed)

    response = client.post(f"/debat/bekraeft/{token}/", follow=True)

    unconfirmed.refresh_from_db()
    assert not unconfirmed.has_confirmed_email
    assert "Linket er ugyldigt eller for gammelt" in response.text


def test_a_tampered_link_is_refused(client, unconfirmed):
    page = client.get("/debat/bekraeft/noget-andet/")

    assert page.status_code == 200 and page.context["confirming"] is None


def test_a_new_link_is_mailed_on_request(client, unconfirmed, mailoutbox):
    client.force_login(unconfirmed)

    client.post("/debat/profil/send-link/")

    assert mailoutbox[0].to == [unconfirmed.email]


def test_an_address_with_an_account_is_refused(client, citizen):
    response = sign_up(client, email="BO@example.org")

    assert response.context["form"].has_error("email", "email_taken")


def test_a_display_name_in_use_is_refused(client, citizen):
    response = sign_up(client, display_name="bo på nørrebro")

    assert response.context["form"].has_error("display_name", "display_name_taken")
    assert 'value="bo på nørrebro"' in response.text


def test_the_passwords_must_match_and_be_strong(client, db):
    mismatch = sign_up(client, password2="Noget-andet-2026")
    weak = sign_up(client, password1="1234", password2="1234")

    assert mismatch.context["form"].has_error("password2", "password_mismatch")
    assert weak.context["form"].has_error("password1")
    assert not get_user_model().objects.exists()


def test_every_field_is_required(client, db):
    form = client.post(SIGN_UP, {}).context["form"]

    assert {name for name in form.errors} == {"email", "display_name", "password1", "password2"}


def test_the_display_name_can_be_changed(client, citizen):
    client.force_login(citizen)

    client.post("/debat/profil/", {"display_name": "Bo B."})

    citizen.refresh_from_db()
    assert citizen.display_name == "Bo B."


def test_a_signed_in_user_is_sent_to_their_profile(client, citizen):
    client.force_login(citizen)

    assert client.get(SIGN_UP).url == "/debat/profil/"


def test_only_the_display_name_is_shown_with_a_post(client, topic, citizen):
    citizen.name = "Bo Bertelsen"
    citizen.save()

    page = client.get(topic.get_absolute_url()).text

    assert "Bo på Nørrebro" in page
    assert "Bo Bertelsen" not in page and citizen.email not in page
