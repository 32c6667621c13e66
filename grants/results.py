"""The published results (synliggørelse), computed from the data: what the results page draws and
tabulates, what its downloads hold, and each administration's annual status.

Seed 004: “De resultater der opnås, skal synliggøres for offentligheden”; seed 002: Sundheds- og
Omsorgsforvaltningen “vil årligt gøre status over implementeringen af frivillighedspolitikken
herunder antal frivillige, erfaringer og idéer fra medarbejdere og samarbejdspartner samt
eventuelle behov for yderligere tiltag”. Only public data counts: grants (decisions to grant) and
approved reports. Each function runs a fixed number of queries, however much data there is.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from grants.models import (
    Application,
    ApplicationStatus,
    Decision,
    DecisionOutcome,
    GoalOutcome,
    GoalResult,
    GrantScheme,
    Report,
    ReportStatus,
    kroner,
)
from policies.models import PUBLISHED_PLAN_STATUSES, Action, ImplementationPlan, PointExemption, VolunteerPolicy


@dataclass
class Series:
    name: str
    values: list
    #: How a value reads beside its bar (and in the table): "120.000 kr.", "18".
    display: callable = str


@dataclass
class Chart:
    """A bar chart and the table beside it: one row per label, one column per series, with ``extra``
    columns the table alone shows."""

    key: str
    title: str
    caption: str
    label_heading: str
    labels: list
    series: list
    extra_headings: list = field(default_factory=list)
    extra: list = field(default_factory=list)  # per row, the extra columns' values

    @property
    def column_count(self):
        return 1 + len(self.series) + len(self.extra_headings)

    def rows(self):
        """The table: (label, [series values as shown], [extra values]) per row."""
        return [
            (label, [serie.display(serie.values[index]) for serie in self.series], self.extra[index] if self.extra else [])
            for index, label in enumerate(self.labels)
        ]

    def table(self):
        """Header and raw rows, for the CSV and XLSX downloads."""
        header = [self.label_heading, *(serie.name for serie in self.series), *self.extra_headings]
        rows = [
            [label, *(serie.values[index] for serie in self.series), *(self.extra[index] if self.extra else [])]
            for index, label in enumerate(self.labels)
        ]
        return header, rows


def _amount(value):
    return kroner(value)


def _public_grants(municipality):
    return Decision.objects.granted().filter(application__scheme__administration__municipality=municipality)


def grants_by_year(municipality):
    rows = (
        _public_grants(municipality)
        .values("application__scheme__year")
        .annotate(count=Count("pk"), total=Sum("amount_granted"))
        .order_by("application__scheme__year")
    )
    rows = list(rows)
    return Chart(
        key="aar",
        title=_("Grants by year"),
        caption=_("Amount granted each budget year, and the number of grants"),
        label_heading=_("Year"),
        labels=[str(row["application__scheme__year"]) for row in rows],
        series=[Series(_("Amount granted (kr)"), [row["total"] for row in rows], _amount)],
        extra_headings=[_("Grants")],
        extra=[[row["count"]] for row in rows],
    )


def scheme_label(scheme):
    """The scheme's name, with its year unless the name says it."""
    return scheme.name if str(scheme.year) in scheme.name else f"{scheme.name} ({scheme.year})"


def grants_by_scheme(municipality):
    schemes = (
        GrantScheme.objects.filter(administration__municipality=municipality)
        .with_decided_total()
        .annotate(grants=Count("applications__decision", filter=Q(applications__decision__outcome=DecisionOutcome.GRANTED)))
        .select_related("administration")
        .order_by("-year", "name", "pk")
    )
    schemes = list(schemes)
    return Chart(
        key="puljer",
        title=_("Grants by scheme"),
        caption=_("Amount granted from each scheme, beside its budget"),
        label_heading=_("Scheme"),
        labels=[scheme_label(scheme) for scheme in schemes],
        series=[
            Series(_("Amount granted (kr)"), [scheme.decided_total for scheme in schemes], _amount),
            Series(_("Budget (kr)"), [scheme.budget for scheme in schemes], _amount),
        ],
        extra_headings=[_("Administration"), _("Grants")],
        extra=[[str(scheme.administration), scheme.grants] for scheme in schemes],
    )


def grants_by_administration(municipality):
    rows = list(
        _public_grants(municipality)
        .values("application__scheme__administration__name")
        .annotate(count=Count("pk"), total=Sum("amount_granted"))
        .order_by("application__scheme__administration__name")
    )
    return Chart(
        key="forvaltninger",
        title=_("Grants by administration"),
        caption=_("Amount granted by each administration, all years"),
        label_heading=_("Administration"),
        labels=[row["application__scheme__administration__name"] for row in rows],
        series=[Series(_("Amount granted (kr)"), [row["total"] for row in rows], _amount)],
        extra_headings=[_("Grants")],
        extra=[[row["count"]] for row in rows],
    )


def _approved_reports(municipality):
    return Report.objects.accepted().filter(application__scheme__administration__municipality=municipality)


def people_reported(municipality):
    rows = list(
        _approved_reports(municipality)
        .values("application__scheme__year")
        .annotate(
            reports=Count("pk"),
            volunteers=Sum("volunteers", default=0),
            members=Sum("members", default=0),
            attendance=Sum("attendance", default=0),
        )
        .order_by("application__scheme__year")
    )
    return Chart(
        key="frivillige",
        title=_("Volunteers and members reported"),
        caption=_("Volunteers and members in the approved reports, by the grants' year"),
        label_heading=_("Year"),
        labels=[str(row["application__scheme__year"]) for row in rows],
        series=[
            Series(_("Volunteers"), [row["volunteers"] for row in rows]),
            Series(_("Members"), [row["members"] for row in rows]),
        ],
        extra_headings=[_("Attendance"), _("Approved reports")],
        extra=[[row["attendance"], row["reports"]] for row in rows],
    )


def current_policy(municipality):
    return (
        VolunteerPolicy.objects.adopted()
        .filter(municipality=municipality)
        .order_by("-adopted_on", "-pk")
        .prefetch_related("points", "administrations")
        .first()
    )


def plan_coverage(municipality, policy=None):
    """For each point of the municipality's adopted policy: how many published plans answer it with an
    action, and how many mark it not applicable, of the administrations that owe one."""
    policy = policy or current_policy(municipality)
    if policy is None:
        return None
    plans = ImplementationPlan.objects.filter(policy=policy, status__in=PUBLISHED_PLAN_STATUSES)
    with_actions = dict(
        Action.objects.filter(plan__in=plans).values("point").annotate(plans=Count("plan", distinct=True)).values_list("point", "plans")
    )
    exempted = dict(
        PointExemption.objects.filter(plan__in=plans).values("point").annotate(plans=Count("plan", distinct=True)).values_list("point", "plans")
    )
    owing = len(policy.administrations.all())
    points = sorted(policy.points.all(), key=lambda point: point.number)
    return Chart(
        key="planer",
        title=_("Plans' coverage of the policy points"),
        caption=_("Published implementation plans with actions on each point of %(policy)s, of %(count)s administrations")
        % {"policy": policy.title, "count": owing},
        label_heading=_("Point"),
        labels=[f"{point.number}. {point.title}" if point.title else str(point.number) for point in points],
        series=[Series(_("Plans with actions"), [with_actions.get(point.pk, 0) for point in points])],
        extra_headings=[_("Not applicable"), _("Administrations")],
        extra=[[exempted.get(point.pk, 0), owing] for point in points],
    )


def charts(municipality):
    found = [
        grants_by_year(municipality),
        grants_by_scheme(municipality),
        grants_by_administration(municipality),
        people_reported(municipality),
        plan_coverage(municipality),
    ]
    return [chart for chart in found if chart is not None]


def status_reports_available(municipality):
    """(administration, year) for each administration and year with a scheme: the annual statuses."""
    pairs = (
        GrantScheme.objects.filter(administration__municipality=municipality)
        .values_list("administration", "year")
        .distinct()
        .order_by("-year")
    )
    from policies.models import Administration

    administrations = {a.pk: a for a in Administration.objects.filter(municipality=municipality)}
    return [(administrations[pk], year) for pk, year in pairs]


# The annual status of one administration


@dataclass
class SchemeStatus:
    scheme: GrantScheme
    received: int
    granted: int
    rejected: int
    amount_granted: int
    reports_approved: int
    reports_outstanding: int
    reports_overdue: int


@dataclass
class StatusReport:
    administration: object
    year: int
    schemes: list
    volunteers: int
    members: int
    attendance: int
    goals: dict  # GoalOutcome → count
    experiences: list  # approved reports with their evaluation
    needs: list  # (report, text) of the needs the organisations named
    unmet_goals: list  # goal results not (fully) met

    GOAL_LABELS = {outcome: label for outcome, label in GoalOutcome.choices}

    @property
    def budget(self):
        return sum(row.scheme.budget for row in self.schemes)

    @property
    def amount_granted(self):
        return sum(row.amount_granted for row in self.schemes)

    def total(self, name):
        return sum(getattr(row, name) for row in self.schemes)

    def summary(self):
        """(label, value) of the headline numbers, for the page, the print and the download."""
        return [
            (gettext_lazy("Schemes"), len(self.schemes)),
            (gettext_lazy("Budget"), kroner(self.budget)),
            (gettext_lazy("Applications received"), self.total("received")),
            (gettext_lazy("Grants"), self.total("granted")),
            (gettext_lazy("Rejections"), self.total("rejected")),
            (gettext_lazy("Amount granted"), kroner(self.amount_granted)),
            (gettext_lazy("Reports approved"), self.total("reports_approved")),
            (gettext_lazy("Reports outstanding"), self.total("reports_outstanding")),
            (gettext_lazy("of which overdue"), self.total("reports_overdue")),
            (gettext_lazy("Volunteers reported"), self.volunteers),
            (gettext_lazy("Members reported"), self.members),
            (gettext_lazy("Attendance reported"), self.attendance),
            *[(self.GOAL_LABELS[outcome], self.goals.get(outcome, 0)) for outcome in GoalOutcome.values],
        ]


def status_report(administration, year, *, today=None):
    """The administration's status for ``year``: its schemes of that year with their applications,
    grants and reports; the volunteers, members and attendance reported; how the goals went; the
    organisations' experiences (their evaluations) and the needs they name."""
    applications = Application.objects.filter(scheme__administration=administration, scheme__year=year)
    schemes = list(
        GrantScheme.objects.filter(administration=administration, year=year)
        .with_decided_total()
        .annotate(
            received=Count("applications", filter=~Q(applications__status=ApplicationStatus.DRAFT)),
            granted=Count("applications__decision", filter=Q(applications__decision__outcome=DecisionOutcome.GRANTED)),
            rejected=Count("applications__decision", filter=Q(applications__decision__outcome=DecisionOutcome.REJECTED)),
            approved=Count("applications__report", filter=Q(applications__report__status=ReportStatus.ACCEPTED)),
        )
        .select_related("legal_basis")
        .order_by("name", "pk")
    )
    outstanding = dict(
        applications.report_outstanding().values("scheme").annotate(count=Count("pk")).values_list("scheme", "count")
    )
    overdue = dict(
        applications.report_overdue(today).values("scheme").annotate(count=Count("pk")).values_list("scheme", "count")
    )
    rows = [
        SchemeStatus(
            scheme=scheme,
            received=scheme.received,
            granted=scheme.granted,
            rejected=scheme.rejected,
            amount_granted=scheme.decided_total,
            reports_approved=scheme.approved,
            reports_outstanding=outstanding.get(scheme.pk, 0),
            reports_overdue=overdue.get(scheme.pk, 0),
        )
        for scheme in schemes
    ]
    reports = (
        Report.objects.accepted()
        .filter(application__in=applications)
        .select_related("application__organisation", "application__scheme")
        .prefetch_related(Prefetch("goal_results", queryset=GoalResult.objects.select_related("goal")))
        .order_by("application__organisation__name", "application__title", "pk")
    )
    reports = list(reports)
    numbers = {"volunteers": 0, "members": 0, "attendance": 0}
    goals, needs, unmet = {}, [], []
    for report in reports:
        for name in numbers:
            numbers[name] += getattr(report, name) or 0
        if report.needs.strip():
            needs.append((report, report.needs))
        for result in report.goal_results.all():
            if result.outcome:
                goals[result.outcome] = goals.get(result.outcome, 0) + 1
            if result.outcome in (GoalOutcome.PARTLY, GoalOutcome.NOT_MET):
                unmet.append((report, result))
    return StatusReport(
        administration=administration,
        year=year,
        schemes=rows,
        goals=goals,
        experiences=[report for report in reports if report.evaluation.strip()],
        needs=needs,
        unmet_goals=unmet,
        **numbers,
    )
