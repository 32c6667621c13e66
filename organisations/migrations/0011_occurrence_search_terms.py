"""Each occurrence carries its activity's target groups as tokens ("maalgruppe:aeldre"),
indexed as an array on PostgreSQL, so that the calendar's target-group filter reads the
date itself instead of looking up its links (issue 6, "Scale"). Only PostgreSQL reads
them; SQLite (the demo) gets the empty column.
"""

from django.contrib.postgres.aggregates import StringAgg
from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat

INDEX = "occurrence_search_terms"


def fill_tokens(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Activity = apps.get_model("organisations", "Activity")
    Occurrence = apps.get_model("organisations", "Occurrence")
    links = Activity.target_groups.through.objects.filter(activity=OuterRef("activity_id"))
    tokens = links.values("activity").annotate(tokens=StringAgg(Concat(Value("maalgruppe:"), "targetgroup__slug"), " "))
    Occurrence.objects.update(search_terms=Coalesce(Subquery(tokens.values("tokens")), Value("")))


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON organisations_occurrence USING gin (string_to_array(search_terms, ' '))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0010_occurrence_municipality_and_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="occurrence",
            name="search_terms",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_tokens, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
