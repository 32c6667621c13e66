"""Each occurrence carries its activity's target groups as tokens ("maalgruppe:aeldre"), so
that the calendar's target-group filter reads the date it is looking at anyway instead of
looking up the activity's links (issue 6, "Scale"). No index of them: a target group is on
one activity in ten or so, cheaper to check on the dates of a period or municipality than to
gather from an index. But statistics of the tokens (PostgreSQL), or the planner guesses one
date in two hundred matches and sorts a month's 150,000 dates to find the first fifty.
Only PostgreSQL reads them; SQLite (the demo) gets the empty column.
"""

from django.contrib.postgres.aggregates import StringAgg
from django.db import migrations, models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Concat


def fill_tokens(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Activity = apps.get_model("organisations", "Activity")
    Occurrence = apps.get_model("organisations", "Occurrence")
    links = Activity.target_groups.through.objects.filter(activity=OuterRef("activity_id"))
    tokens = links.values("activity").annotate(tokens=StringAgg(Concat(Value("maalgruppe:"), "targetgroup__slug"), " "))
    Occurrence.objects.update(search_terms=Coalesce(Subquery(tokens.values("tokens")), Value("")))


STATISTICS = "occurrence_search_terms"


def create_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE STATISTICS IF NOT EXISTS {STATISTICS} "
            "ON (string_to_array(search_terms, ' ')) FROM organisations_occurrence"
        )
        schema_editor.execute("ANALYZE organisations_occurrence")


def drop_statistics(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP STATISTICS IF EXISTS {STATISTICS}")


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
        migrations.RunPython(create_statistics, drop_statistics),
    ]
