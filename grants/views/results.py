"""The published results: each municipality's results page with its charts and their tables, the
downloads of the numbers, and each administration's annual status, printable and downloadable."""

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from grants import charts, exports, results
from grants.models import DecisionOutcome, GrantScheme
from policies.models import Administration, Municipality


class ResultsIndexView(TemplateView):
    template_name = "grants/results_index.html"

    def get_context_data(self, **kwargs):
        granted = Q(administrations__grant_schemes__applications__decision__outcome=DecisionOutcome.GRANTED)
        municipalities = Municipality.objects.annotate(
            grants=Count("administrations__grant_schemes__applications__decision", filter=granted)
        ).order_by("name")
        return super().get_context_data(municipalities=municipalities, **kwargs)


def get_municipality(slug):
    return get_object_or_404(Municipality, slug=slug)


class ResultsView(TemplateView):
    template_name = "grants/results.html"

    def get_context_data(self, **kwargs):
        municipality = get_municipality(kwargs.pop("municipality"))
        return super().get_context_data(
            municipality=municipality,
            charts=[(chart, charts.bar_chart(chart)) for chart in results.charts(municipality)],
            status_reports=results.status_reports_available(municipality),
            **kwargs,
        )


def results_csv(request, municipality):
    municipality = get_municipality(municipality)
    return exports.results_csv_response(municipality, results.charts(municipality))


def results_xlsx(request, municipality):
    municipality = get_municipality(municipality)
    return exports.results_xlsx_response(municipality, results.charts(municipality))


def get_status_report(municipality, administration, year):
    """The administration's status for a year in which it ran a scheme; 404 for any other."""
    administration = get_object_or_404(
        Administration.objects.select_related("municipality"), municipality__slug=municipality, slug=administration
    )
    if not GrantScheme.objects.filter(administration=administration, year=year).exists():
        raise Http404(_("The administration ran no grant scheme that year."))
    return results.status_report(administration, year)


class StatusReportView(TemplateView):
    template_name = "grants/status_report.html"

    def get_context_data(self, **kwargs):
        report = get_status_report(kwargs.pop("municipality"), kwargs.pop("administration"), kwargs.pop("year"))
        return super().get_context_data(report=report, administration=report.administration, year=report.year, **kwargs)


def status_report_xlsx(request, municipality, administration, year):
    return exports.status_report_xlsx_response(get_status_report(municipality, administration, year))
