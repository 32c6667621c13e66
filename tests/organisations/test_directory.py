"""A citizen browses the directory: filters by kind, target group, field and district,
each combination at its own address; pages and sorting; bad input never breaks the page."""

import pytest
from django.urls import reverse

from organisations.models import OrganisationKind
from tests.organisations.factories import OrganisationFactory, PendingOrganisationFactory, organisation_with

DIRECTORY = reverse("organisations:directory")


@pytest.fixture
def directory(copenhagen, vesthimmerland):
    return {
        "aeldre": organisation_with(
            municipality=copenhagen,
            name="Ældre Sagen Østerbro",
            kind=OrganisationKind.ASSOCIATION,
            purpose="Besøgsvenner og motion for ældre.",
            target_groups=["Ældre"],
            fields_of_activity=["Motion"],
            districts=["Østerbro"],
        ),
        "lektie": organisation_with(
            municipality=copenhagen,
            name="Lektiecafé Nørrebro",
            kind=OrganisationKind.INFORMAL_GROUP,
            purpose="Lektiehjælp for børn og unge.",
            target_groups=["Børn og unge"],
            fields_of_activity=["Uddannelse"],
            districts=["Nørrebro"],
        ),
        "vhm": organisation_with(
            municipality=vesthimmerland,
            name="Frivilligcenter Vesthimmerland",
            kind=OrganisationKind.NETWORK,
            target_groups=["Ældre"],
        ),
    }


def names_on(response):
    return [organisation.name for organisation in response.context["organisations"]]


def test_directory_lists_listed_organisations_only(client, directory, copenhagen):
    PendingOrganisationFactory(municipality=copenhagen, name="Venter på godkendelse")
    OrganisationFactory(municipality=copenhagen, name="Skjult", hidden_reason="Ophørt.")

    response = client.get(DIRECTORY)

    assert response.status_code == 200
    assert names_on(response) == ["Frivilligcenter Vesthimmerland", "Lektiecafé Nørrebro", "Ældre Sagen Østerbro"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"type": "informal_group"}, ["Lektiecafé Nørrebro"]),
        ({"maalgruppe": "aeldre"}, ["Frivilligcenter Vesthimmerland", "Ældre Sagen Østerbro"]),
        ({"maalgruppe": "aeldre", "kommune": "vesthimmerland"}, ["Frivilligcenter Vesthimmerland"]),
        ({"felt": "motion"}, ["Ældre Sagen Østerbro"]),
        ({"bydel": "noerrebro"}, ["Lektiecafé Nørrebro"]),
        ({"bydel": "noerrebro", "type": "association"}, []),
        ({"kommune": "koebenhavn", "sortering": "-navn"}, ["Ældre Sagen Østerbro", "Lektiecafé Nørrebro"]),
    ],
)
def test_each_filter_combination_has_its_own_address(client, directory, query, expected):
    response = client.get(DIRECTORY, query)

    assert response.status_code == 200
    assert names_on(response) == expected


def test_free_text_finds_words_with_danish_letters_spelt_out(client, directory):
    response = client.get(DIRECTORY, {"q": "aeldre sagen"})

    assert names_on(response) == ["Ældre Sagen Østerbro"]


def test_free_text_searches_purpose_and_vocabulary(client, directory):
    assert names_on(client.get(DIRECTORY, {"q": "lektiehjælp"})) == ["Lektiecafé Nørrebro"]
    assert names_on(client.get(DIRECTORY, {"q": "Østerbro"})) == ["Ældre Sagen Østerbro"]


def test_vocabulary_choices_follow_the_chosen_municipality(client, directory):
    response = client.get(DIRECTORY, {"kommune": "vesthimmerland"})

    choices = dict(response.context["filterset"].form.fields["maalgruppe"].choices)
    assert "aeldre" in choices
    assert "boern-og-unge" not in choices


@pytest.mark.parametrize("field", ["type", "maalgruppe", "kommune", "sortering"])
def test_a_bad_filter_value_is_reported_on_its_field_and_ignored(client, directory, field):
    response = client.get(DIRECTORY, {field: "findes-ikke", "q": ""})

    assert response.status_code == 200
    assert field in response.context["filterset"].form.errors
    assert 'class="invalid-feedback"' in response.text
    assert len(names_on(response)) == 3


def test_typed_text_is_kept_in_the_form(client, directory):
    response = client.get(DIRECTORY, {"q": "lektier <script>", "type": "bogus"})

    assert 'value="lektier &lt;script&gt;"' in response.text


def test_results_are_paginated_and_pages_keep_the_filters(client, copenhagen):
    for number in range(45):
        OrganisationFactory(municipality=copenhagen, name=f"Forening {number:02d}", kind="network")

    first = client.get(DIRECTORY, {"type": "network"})
    last = client.get(DIRECTORY, {"type": "network", "side": 3})

    assert len(names_on(first)) == 20
    assert names_on(last) == [f"Forening {n}" for n in range(40, 45)]
    assert 'href="?type=network&amp;side=2"' in first.text
    assert 'aria-label="Sider"' in first.text or 'aria-label="Pages"' in first.text


@pytest.mark.parametrize("page", ["99", "x", "-1"])
def test_a_page_out_of_range_shows_the_nearest_page(client, directory, page):
    response = client.get(DIRECTORY, {"side": page})

    assert response.status_code == 200
    assert names_on(response)


@pytest.mark.parametrize("size", [5, 40])
def test_directory_answers_in_a_fixed_number_of_queries(client, copenhagen, django_assert_max_num_queries, size):
    for number in range(size):
        organisation_with(
            municipality=copenhagen,
            name=f"Forening {number}",
            target_groups=["Ældre", "Børn"],
            fields_of_activity=["Motion"],
            districts=["Amager"],
        )

    with django_assert_max_num_queries(11):
        response = client.get(DIRECTORY, {"kommune": "koebenhavn", "maalgruppe": "aeldre", "q": "forening"})

    assert response.status_code == 200


def test_districts_are_offered_once_a_municipality_is_chosen(client, directory):
    everywhere = client.get(DIRECTORY).context["filterset"].form.fields["bydel"]
    copenhagen = client.get(DIRECTORY, {"kommune": "koebenhavn"}).context["filterset"].form.fields["bydel"]

    assert [value for value, _label in everywhere.widget.choices] == [""]
    assert [value for value, _label in copenhagen.widget.choices] == ["", "noerrebro", "oesterbro"]
    assert names_on(client.get(DIRECTORY, {"bydel": "noerrebro"})) == ["Lektiecafé Nørrebro"]  # still a valid address


def test_a_very_large_result_says_more_than_instead_of_counting(client, copenhagen, monkeypatch):
    from organisations.views.directory import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "cap", 3)
    for number in range(5):
        OrganisationFactory(municipality=copenhagen, name=f"Forening {number}")

    response = client.get(DIRECTORY)

    assert response.context["paginator"].capped
    assert response.context["paginator"].count == 4  # counted to the cap and one more, no further
