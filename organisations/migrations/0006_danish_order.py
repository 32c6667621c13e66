"""Danish alphabetical order on PostgreSQL, and an index that lets the directory page
through 100,000 organisations in that order without sorting them all.

The collation is ICU's Danish where PostgreSQL was built with ICU (Debian's is), else
the plain byte order, so that the ordering expression exists on every server."""

from django.db import migrations

from organisations.search import DANISH_COLLATION

INDEX = "organisation_name_danish"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_collation WHERE collname = 'da-x-icu'")
        has_icu = cursor.fetchone() is not None
    source = "(provider = icu, locale = 'da')" if has_icu else 'FROM "C"'
    schema_editor.execute(f"CREATE COLLATION IF NOT EXISTS {DANISH_COLLATION} {source}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON organisations_organisation ((name COLLATE {DANISH_COLLATION}), id)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"DROP COLLATION IF EXISTS {DANISH_COLLATION}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0005_search_lexicon"),
    ]

    operations = [
        migrations.RunPython(create, drop),
    ]
