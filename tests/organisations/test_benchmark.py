"""The scale tooling on small data: ``generate_synthetic`` writes organisations, activities and
their dates with every derived search column, and ``benchmark_directory`` times each typical
search through the real pages and reports it."""

import io

import pytest
from django.core.management import CommandError, call_command

from organisations.management.commands.benchmark_directory import SEARCHES
from organisations.models import Activity, Occurrence, Organisation
from policies.models import Municipality


def generate(**counts):
    out = io.StringIO()
    counts = {"municipalities": 2, "organisations": 40, "activities": 80, **counts}
    call_command("generate_synthetic", stdout=out, **counts)
    return out.getvalue()


def test_synthetic_data_is_searchable_like_data_entered_by_hand(db):
    generate()

    organisation = Organisation.objects.filter(municipality__slug__startswith="syntetisk-").latest("pk")
    assert Organisation.objects.filter(municipality__slug__startswith="syntetisk-").count() == 40
    assert Activity.objects.count() == 80
    # The columns save() would have written (in another order, perhaps), written with the row instead.
    stored = (organisation.search_name, organisation.search_text, organisation.search_terms)
    assert [sorted(column.split()) for column in organisation.search_columns()] == [sorted(c.split()) for c in stored]
    occurrence = Occurrence.objects.select_related("activity").first()
    assert occurrence.organisation_id == occurrence.activity.organisation_id
    assert Occurrence.objects.count() >= Activity.objects.count()


def test_synthetic_data_is_generated_once_and_removed_on_request(db):
    generate()
    with pytest.raises(CommandError):
        generate()

    call_command("generate_synthetic", delete=True, stdout=io.StringIO())

    assert not Municipality.objects.filter(slug__startswith="syntetisk-").exists()
    assert not Activity.objects.exists()


def test_the_benchmark_reports_every_search_with_its_times_and_queries(db):
    generate()
    rows = Organisation.objects.count(), Occurrence.objects.count()
    out = io.StringIO()

    call_command("benchmark_directory", rounds=2, kommune="syntetisk-001", stdout=out)

    report = out.getvalue()
    lines = [line for line in report.splitlines() if line.startswith(("directory", "calendar"))]
    assert len(lines) == len(SEARCHES)
    for line, (page, label, _params) in zip(lines, SEARCHES):
        best, median, worst, database, queries = line.split()[1:6]
        assert line.startswith(page) and f" {label}: " in line
        assert float(best) <= float(median) <= float(worst)
        assert int(queries.rstrip("!")) > 0
    assert "syntetisk-001" in report and "CPU" in report
    assert (Organisation.objects.count(), Occurrence.objects.count()) == rows  # it only reads


def test_the_benchmark_needs_data_and_a_known_municipality(db):
    with pytest.raises(CommandError):
        call_command("benchmark_directory", stdout=io.StringIO())
    generate()
    with pytest.raises(CommandError):
        call_command("benchmark_directory", kommune="findes-ikke", stdout=io.StringIO())
