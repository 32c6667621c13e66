"""An index of the words in each organisation's name (PostgreSQL only), so that a search
with tens of thousands of matches finds the ones named after the words typed without
reading every match (see ``organisations.search.Search.best``).

The expression is exactly the one ``organisations.search.NameVector`` writes, or the
planner would not use it. PostgreSQL-only syntax, so created by hand as in 0003: on
SQLite (the demo) this migration does nothing.
"""

from django.db import migrations

from organisations.search import CONFIG

INDEX = "organisation_name_vector"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON organisations_organisation "
            f"USING gin (to_tsvector('{CONFIG}'::regconfig, search_name))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0007_premises_and_bookings"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index),
    ]
