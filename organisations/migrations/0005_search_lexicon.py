"""The search lexicon: every folded word of the directory, with a trigram index on
PostgreSQL, so that typed words are corrected in one small indexed lookup instead of
comparing trigrams with every organisation's text (the row indexes of 0003 go)."""

import re

from django.db import migrations, models

from organisations import search

LEXICON_INDEX = "search_word_trgm"
ROW_INDEXES = {
    "organisation_search_name_trgm": "organisations_organisation USING gin (search_name gin_trgm_ops)",
    "organisation_search_text_trgm": "organisations_organisation USING gin (search_text gin_trgm_ops)",
}


def fill_lexicon(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    SearchWord = apps.get_model("organisations", "SearchWord")
    words = set()
    for name, text in Organisation.objects.values_list("search_name", "search_text").iterator():
        words |= {w for w in re.findall(r"[a-z0-9]+", f"{name} {text}") if search.MIN_WORD <= len(w) <= 100}
    SearchWord.objects.bulk_create([SearchWord(word=word) for word in words], ignore_conflicts=True, batch_size=1000)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {LEXICON_INDEX} ON organisations_searchword USING gin (word gin_trgm_ops)"
    )
    for name in ROW_INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {LEXICON_INDEX}")
    for name, definition in ROW_INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {definition}")


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0004_activity_search_text"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("word", models.CharField(max_length=100, unique=True, verbose_name="word")),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
                "ordering": ["word"],
            },
        ),
        migrations.RunPython(fill_lexicon, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
