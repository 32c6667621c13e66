"""Activities get a folded search column like organisations (see organisations.search),
with a trigram index on PostgreSQL so that the calendar's word search stays fast."""

from django.db import migrations, models

from organisations import search

INDEX = "activity_search_text_trgm"


def fill_search_text(apps, schema_editor):
    Activity = apps.get_model("organisations", "Activity")
    for activity in Activity.objects.all():
        activity.search_text = search.fold(" ".join([activity.title, activity.description, activity.place]))
        activity.save(update_fields=["search_text"])


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON organisations_activity USING gin (search_text gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0003_search_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_text",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
        migrations.RunPython(create_index, drop_index),
    ]
