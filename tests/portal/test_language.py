"""The portal speaks Danish whatever the browser asks for, until the visitor picks English."""

from django.urls import reverse


def test_danish_even_when_the_browser_prefers_english(db, client):
    response = client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.headers["Content-Language"] == "da"
    assert '<html lang="da">' in response.text


def test_english_once_chosen_in_the_footer(db, client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})

    response = client.get(reverse("portal:home"))

    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.text


def test_unknown_language_cookie_falls_back_to_danish(db, client):
    client.cookies["django_language"] = "xx"

    assert client.get(reverse("portal:home")).headers["Content-Language"] == "da"
