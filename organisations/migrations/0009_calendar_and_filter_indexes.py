"""What the calendar and the filters need to answer at 100,000 organisations and 1,000,000
activities (issue 6, "Scale"):

- each occurrence carries its activity's organisation and, on PostgreSQL, a text-search
  vector (the activity's words and the organisation's name), so that the calendar narrows
  its dated rows by organisation through an index of (organisation, start) and by words
  through a GIN index, beside the period's own index, without joining a million activities;
- each organisation carries the tokens of its kind and terms (``search_terms``), indexed as an
  array on PostgreSQL, so that any combination of the filters is one GIN look-up;
- the activities' words join the lexicon, so that typos in the calendar are corrected too;
- an index of the activities' target groups by term, so that the calendar's target-group
  filter reads the links alone.

The indexes use PostgreSQL-only syntax and are made by hand, as in 0003; SQLite (the demo)
gets the columns and their values only.
"""

import re

import django.contrib.postgres.search
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models
from django.db.models import OuterRef, Subquery

from organisations import search

INDEXES = {
    "occurrence_search_vector": "organisations_occurrence USING gin (search_vector)",
    "organisation_search_terms": "organisations_organisation USING gin (string_to_array(search_terms, ' '))",
    "activity_target_group_term": "organisations_activity_target_groups (targetgroup_id, activity_id)",
}
# The filters' parameter for each of an organisation's vocabularies (Vocabulary.parameter).
VOCABULARIES = {"target_groups": "maalgruppe", "fields_of_activity": "felt", "districts": "bydel"}


def fill_occurrence_organisations(apps, schema_editor):
    Activity = apps.get_model("organisations", "Activity")
    Occurrence = apps.get_model("organisations", "Occurrence")
    organisation = Activity.objects.filter(pk=OuterRef("activity_id")).values("organisation_id")
    Occurrence.objects.update(organisation_id=Subquery(organisation))


def fill_search_columns(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Activity = apps.get_model("organisations", "Activity")
    Occurrence = apps.get_model("organisations", "Occurrence")
    SearchWord = apps.get_model("organisations", "SearchWord")
    organisations = Organisation.objects.prefetch_related(*VOCABULARIES).order_by("pk")
    changed = []
    for organisation in organisations.iterator(chunk_size=1000):
        tokens = [search.term_token("type", organisation.kind)]
        for relation, parameter in VOCABULARIES.items():
            tokens += [search.term_token(parameter, term.slug) for term in getattr(organisation, relation).all()]
        organisation.search_terms = " ".join(tokens)
        changed.append(organisation)
        if len(changed) == 1000:
            Organisation.objects.bulk_update(changed, ["search_terms"])
            changed = []
    Organisation.objects.bulk_update(changed, ["search_terms"])
    words = set()
    for text in Activity.objects.values_list("search_text", flat=True).iterator():
        words |= {w for w in re.findall(r"[a-z0-9]+", text) if search.MIN_WORD <= len(w) <= 100}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in words], ignore_conflicts=True, batch_size=1000)
    if schema_editor.connection.vendor == "postgresql":
        activity = Activity.objects.filter(pk=OuterRef("activity_id")).values("search_text")
        name = Organisation.objects.filter(pk=OuterRef("organisation_id")).values("search_name")
        Occurrence.objects.update(
            search_vector=SearchVector(Subquery(activity), weight="A", config=search.CONFIG)
            + SearchVector(Subquery(name), weight="B", config=search.CONFIG)
        )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0008_name_search_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="occurrence",
            name="organisation",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.RunPython(fill_occurrence_organisations, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="occurrence",
            name="organisation",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="organisations.organisation",
                verbose_name="organisation",
            ),
        ),
        migrations.AddField(
            model_name="occurrence",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="organisation",
            name="search_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_columns, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(fields=["organisation", "starts_at"], name="occurrence_organisation_start"),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
