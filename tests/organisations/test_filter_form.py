"""The filter form's lists (QuickSelect): written without a template per option, they must
still say what a select from Django would, with the visitor's choice kept."""

from django.urls import reverse

from organisations.forms import QuickSelect
from tests.organisations.factories import MunicipalityFactory, organisation_with

DIRECTORY = reverse("organisations:directory")


def test_a_quick_select_marks_the_choice_and_escapes_the_labels():
    widget = QuickSelect(choices=[("", "Alle"), ("a&b", "Ærø & <Samsø>"), ("c", "Fanø")])

    html = widget.render("kommune", "a&b", attrs={"id": "id_kommune", "class": "form-select"})

    assert html == (
        '<select name="kommune" class="form-select" id="id_kommune"><option value="">Alle</option>'
        '<option value="a&amp;b" selected>Ærø &amp; &lt;Samsø&gt;</option><option value="c">Fanø</option></select>'
    )


def test_the_directorys_lists_are_labelled_and_keep_the_choice(client, copenhagen):
    MunicipalityFactory(name="Ærø Kommune", slug="aeroe")
    organisation_with(municipality=copenhagen, target_groups=["Ældre"])

    response = client.get(DIRECTORY, {"kommune": "koebenhavn", "maalgruppe": "aeldre", "sortering": "navn"})

    html = response.text
    assert 'for="id_kommune"' in html
    assert '<select name="kommune" class="quickselect form-select" id="id_kommune">' in html
    assert '<option value="koebenhavn" selected>Københavns Kommune</option>' in html
    assert '<option value="aeroe">Ærø Kommune</option>' in html
    assert '<option value="aeldre" selected>Ældre</option>' in html
    assert '<option value="navn" selected>' in html
