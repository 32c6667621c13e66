"""The directory's search: pg_trgm and the GIN indexes on PostgreSQL, and the folded
search columns filled in for the organisations that existed before them.

The indexes use PostgreSQL-only syntax, so they are created by hand and only there:
on SQLite (the demo) this migration fills the columns and does nothing else.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

from organisations import search

INDEXES = {
    "organisation_search_vector": "USING gin (search_vector)",
    "organisation_search_name_trgm": "USING gin (search_name gin_trgm_ops)",
    "organisation_search_text_trgm": "USING gin (search_text gin_trgm_ops)",
}


class CreateTrigramExtension(TrigramExtension):
    """pg_trgm, installed once and left in place on the way back: other apps may use it,
    and SQLite has no extensions to drop."""

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        pass


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON organisations_organisation {definition}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def fill_search_columns(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    for organisation in Organisation.objects.all():
        text = " ".join([organisation.purpose, organisation.city, organisation.address])
        organisation.search_name = search.fold(organisation.name)
        organisation.search_text = search.fold(text)
        organisation.save(update_fields=["search_name", "search_text"])
    if schema_editor.connection.vendor == "postgresql":
        Organisation.objects.update(search_vector=search.search_vector())


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_directory_profile_and_calendar"),
    ]

    operations = [
        CreateTrigramExtension(),
        migrations.RunPython(fill_search_columns, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
