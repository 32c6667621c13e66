"""Free-text search on PostgreSQL: Danish stemming (inflections), the Danish letters typed
as ae/oe/aa, typos (pg_trgm), and ranking by where the words are found."""

import pytest

from organisations.models import Organisation
from tests.organisations.factories import OrganisationFactory, TargetGroupFactory, organisation_with
from tests.organisations.postgresql import requires_postgresql

pytestmark = [requires_postgresql, pytest.mark.usefixtures("postgresql")]


@pytest.fixture
def organisations(copenhagen):
    make = lambda name, purpose="", **kw: organisation_with(municipality=copenhagen, name=name, purpose=purpose, **kw)  # noqa: E731
    return [
        make("Idrætsforeningen Fremad", "Fodbold og håndbold for alle aldre."),
        make("Ældre Sagen Østerbro", "Besøgsvenner, motion og foredrag.", target_groups=["Ældre"]),
        make("Motion for Seniorer", "Gymnastik i Fælledparken hver tirsdag."),
        make("Lektiecafé Nørrebro", "Lektiehjælp til børn og unge i biblioteket."),
        make("Strikkeklubben Åbenrå", "Vi strikker til de nyfødte på Rigshospitalet."),
        make("Frivilligcenter København", "Formidler frivillige til foreningerne i byen."),
    ]


def search(text):
    return list(Organisation.objects.search(text).order_by("-rank", "name").values_list("name", flat=True))


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("idrætsforening", "Idrætsforeningen Fremad"),  # the definite form is found by the bare one
        ("idrætsforeningerne", "Idrætsforeningen Fremad"),
        ("foreningen", "Frivilligcenter København"),  # "foreningerne" in the purpose
        ("besøgsven", "Ældre Sagen Østerbro"),
        ("strikke", "Strikkeklubben Åbenrå"),
    ],
)
def test_inflected_danish_words_are_found(organisations, query, found):
    assert found in search(query)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("aeldre sagen", "Ældre Sagen Østerbro"),
        ("oesterbro", "Ældre Sagen Østerbro"),
        ("aabenraa", "Strikkeklubben Åbenrå"),
        ("lektiehjaelp", "Lektiecafé Nørrebro"),
        ("lektiecafe", "Lektiecafé Nørrebro"),
        ("ÆLDRE", "Ældre Sagen Østerbro"),
    ],
)
def test_danish_letters_typed_as_ae_oe_aa_are_found(organisations, query, found):
    assert search(query)[0] == found


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("frivilig", "Frivilligcenter København"),
        ("idrætsforning", "Idrætsforeningen Fremad"),
        ("strikeklubben", "Strikkeklubben Åbenrå"),
        ("gymnastk", "Motion for Seniorer"),
    ],
)
def test_typos_are_forgiven(organisations, query, found):
    assert found in search(query)


def test_parts_of_compound_words_are_found(organisations):
    assert "Idrætsforeningen Fremad" in search("idræt")


def test_a_match_in_the_name_ranks_above_one_in_the_purpose(organisations):
    results = search("motion")

    assert results[:2] == ["Motion for Seniorer", "Ældre Sagen Østerbro"]


def test_unrelated_words_find_nothing(organisations):
    assert search("skiløb") == []


def test_stopwords_alone_do_not_break_the_search(organisations):
    assert isinstance(search("og i for"), list)


def test_vocabulary_added_later_is_searchable(organisations, copenhagen):
    organisation = OrganisationFactory(municipality=copenhagen, name="Café Kaffegalop")
    assert "Café Kaffegalop" not in search("hjemløse")

    organisation.target_groups.add(TargetGroupFactory(municipality=copenhagen, name="Hjemløse"))

    assert search("hjemløse") == ["Café Kaffegalop"]


def test_renaming_a_term_updates_the_search(organisations, copenhagen):
    term = TargetGroupFactory(municipality=copenhagen, name="Ældre")
    term.name = "Seniorer 65+"
    term.save()

    assert "Ældre Sagen Østerbro" in search("seniorer")


def test_directory_ranks_results_by_relevance(client, organisations):
    response = client.get("/vejviser/", {"q": "motion"})

    names = [organisation.name for organisation in response.context["organisations"]]
    assert names[:2] == ["Motion for Seniorer", "Ældre Sagen Østerbro"]
