"""A common word matches tens of thousands of organisations across the country; the directory
ranks only the best of them (``Search.best``), never reading every match. These tests make
"many" small by lowering the cap, and put the best match last in the table, where a plain
"the first N matches" would never reach it."""

import pytest
from django.urls import reverse

from organisations.models import Organisation
from organisations.search import danish_order
from organisations.views.directory import CappedPaginator
from tests.organisations.factories import OrganisationFactory
from tests.organisations.postgresql import requires_postgresql

pytestmark = [requires_postgresql, pytest.mark.usefixtures("postgresql")]

DIRECTORY = reverse("organisations:directory")
CAP = 5


@pytest.fixture
def small_cap(monkeypatch):
    monkeypatch.setattr(CappedPaginator, "cap", CAP)


def names_on(response):
    return [organisation.name for organisation in response.context["organisations"]]


def test_the_name_match_comes_first_among_many_matches_in_the_purpose(client, copenhagen, small_cap):
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Forening {number:02d}", purpose="Motion i parken.")
    OrganisationFactory(municipality=copenhagen, name="Motion for Seniorer", purpose="Gymnastik hver tirsdag.")

    response = client.get(DIRECTORY, {"q": "motion"})

    assert names_on(response)[0] == "Motion for Seniorer"
    assert response.context["paginator"].capped
    assert "Mere end 5 organisationer" in response.text


def test_the_word_as_typed_in_a_name_comes_before_close_spellings_of_it(client, copenhagen, small_cap):
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Frivilligcentret {number:02d}")
        OrganisationFactory(municipality=copenhagen, name=f"Forening {number:02d}", purpose="Vi er frivillige.")
    OrganisationFactory(municipality=copenhagen, name="Frivillig Fremad")

    response = client.get(DIRECTORY, {"q": "frivillig"})

    assert names_on(response)[0] == "Frivillig Fremad"
    assert names_on(response)[1].startswith("Frivilligcentret")


def test_a_typo_still_finds_the_best_match_among_many(client, copenhagen, small_cap):
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Forening {number:02d}", purpose="Lektiehjælp for alle.")
    OrganisationFactory(municipality=copenhagen, name="Lektiehjælp Nørrebro")

    response = client.get(DIRECTORY, {"q": "lektiehjaelpp"})

    assert names_on(response)[0] == "Lektiehjælp Nørrebro"


def test_the_other_filters_narrow_the_matches_before_they_are_ranked(client, copenhagen, vesthimmerland, small_cap):
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Motion {number:02d}")
    OrganisationFactory(municipality=vesthimmerland, name="Motion i Aars")

    response = client.get(DIRECTORY, {"q": "motion", "kommune": "vesthimmerland"})

    assert names_on(response) == ["Motion i Aars"]


def test_the_pages_of_a_ranked_result_follow_on_without_repeats(client, copenhagen, small_cap, monkeypatch):
    from organisations.views.directory import DirectoryView

    monkeypatch.setattr(DirectoryView, "paginate_by", 2)
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Motion {number:02d}")

    pages = [names_on(client.get(DIRECTORY, {"q": "motion", "side": page})) for page in (1, 2, 3)]

    shown = [name for page in pages for name in page]
    assert len(shown) == len(set(shown)) == CAP + 1  # the cap, and one more to say "more than"


def test_with_few_matches_every_match_is_ranked(client, copenhagen):
    for name, purpose in [
        ("Motion for Seniorer", "Gymnastik."),
        ("Ældre Sagen", "Besøgsvenner og motion."),
        ("Idrætsforeningen Motion og Leg", "Fodbold og motion."),
        ("Strikkeklubben", "Strikning."),
    ]:
        OrganisationFactory(municipality=copenhagen, name=name, purpose=purpose)
    everything = Organisation.objects.search("motion").order_by("-rank", danish_order("name").asc(), "pk")

    response = client.get(DIRECTORY, {"q": "motion"})

    assert names_on(response) == [organisation.name for organisation in everything]
    assert not response.context["paginator"].capped
    assert response.context["paginator"].count == 3


def test_the_exports_hold_every_match_not_only_the_ranked(client, copenhagen, small_cap):
    for number in range(3 * CAP):
        OrganisationFactory(municipality=copenhagen, name=f"Motion {number:02d}")

    response = client.get(reverse("organisations:directory_csv"), {"q": "motion"})

    rows = b"".join(response.streaming_content).decode("utf-8-sig").strip().splitlines()
    assert len(rows) == 1 + 3 * CAP  # the header and every organisation


@pytest.mark.parametrize("size", [2 * CAP, 6 * CAP])
def test_a_ranked_search_of_many_matches_answers_in_a_fixed_number_of_queries(
    client, copenhagen, small_cap, django_assert_max_num_queries, size
):
    for number in range(size):
        OrganisationFactory(municipality=copenhagen, name=f"Motion {number:02d}", purpose="Motion og leg.")

    # The choices (4), the lexicon, the best matches, the page and its three vocabularies.
    with django_assert_max_num_queries(10):
        response = client.get(DIRECTORY, {"q": "motion", "type": "association"})

    assert response.context["paginator"].capped
