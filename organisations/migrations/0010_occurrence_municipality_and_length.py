"""Two more things the calendar reads at scale (issue 6, "Scale"):

- each occurrence carries its organisation's municipality, with an index of (municipality,
  start), so that one municipality's week is read in order straight from the index;
- on PostgreSQL, an index of how long each occurrence lasts, so that the longest is one
  look-up: no occurrence overlapping a period starts earlier than that before it, and the
  period's own index is read from there (``OccurrenceQuerySet.between``).
"""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery

INDEX = "occurrence_length"


def fill_municipalities(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    Occurrence = apps.get_model("organisations", "Occurrence")
    municipality = Organisation.objects.filter(pk=OuterRef("organisation_id")).values("municipality_id")
    Occurrence.objects.update(municipality_id=Subquery(municipality))


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON organisations_occurrence ((ends_at - starts_at))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0009_calendar_and_filter_indexes"),
        ("policies", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="occurrence",
            name="municipality",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="policies.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.RunPython(fill_municipalities, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="occurrence",
            name="municipality",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                on_delete=models.deletion.CASCADE,
                related_name="+",
                to="policies.municipality",
                verbose_name="municipality",
            ),
        ),
        migrations.AddIndex(
            model_name="occurrence",
            index=models.Index(fields=["municipality", "starts_at"], name="occurrence_municipality_start"),
        ),
        migrations.RunPython(create_index, drop_index),
    ]
