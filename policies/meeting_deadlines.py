"""The rule "at least N dialogue meetings a year" (``Municipality.dialogue_meetings_per_year``;
Vesthimmerland: one) as deadlines for the dashboard, the calendar feed and reminders (see
``portal.deadlines``).

A year short of its dialogue meetings concerns the municipality's policy owners, who keep the
policy: this year's is due on 31 December (meetings planned for later in the year count), and
last year's, if it fell short, is overdue. Earlier years are not listed again; the policy's
overview page keeps the whole record (``dialogue_record``). One query, however many
municipalities and meetings there are.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from policies.models import DialogueYear, MeetingKind, dialogue_meetings_in, first_dialogue_year, rule_municipalities
from portal import deadlines
from portal.deadlines import Deadline


def meetings_url(municipality, year):
    """The public list of the municipality's dialogue meetings that year: where a new one is added."""
    query = {"kommune": municipality.slug, "type": MeetingKind.DIALOGUE, "aar": year}
    return f"{reverse('policies:meeting_list')}?{urlencode(query)}"


@deadlines.register
class DialogueMeetingDeadlines:
    kind = "dialogue_meetings"
    label = gettext_lazy("Dialogue meetings")

    def for_user(self, user, today):
        return list(self._short_years(rule_municipalities().filter(policy_owners=user), today))

    def for_reminders(self, today, *, due_from, due_until):
        municipalities = rule_municipalities().prefetch_related("policy_owners")
        for municipality, deadline in self._short_years(municipalities, today, with_municipality=True):
            if due_from <= deadline.due_on <= due_until:
                for owner in municipality.policy_owners.all():
                    yield owner, deadline

    def _short_years(self, municipalities, today, *, with_municipality=False):
        municipalities = municipalities.annotate(
            held_this_year=dialogue_meetings_in(today.year), held_last_year=dialogue_meetings_in(today.year - 1)
        )
        for municipality in municipalities:
            first = first_dialogue_year(municipality.rule_adopted_on)
            years = [
                DialogueYear(today.year, municipality.dialogue_meetings_per_year, municipality.held_this_year, True),
                DialogueYear(today.year - 1, municipality.dialogue_meetings_per_year, municipality.held_last_year, False),
            ]
            for year in years:
                if year.year >= first and year.short:
                    deadline = self.deadline(municipality, year, today)
                    yield (municipality, deadline) if with_municipality else deadline

    def deadline(self, municipality, year, today):
        if year.missed:
            title = _("Dialogue meetings %(year)d: %(held)d of %(required)d held")
        else:
            title = _("Dialogue meetings %(year)d: %(held)d of %(required)d held or planned")
        return Deadline(
            kind=self.kind,
            key=f"dialogue_meetings:{municipality.pk}:{year.year}",
            title=title % {"year": year.year, "held": year.held, "required": year.required},
            due_on=year.due_on,
            url=meetings_url(municipality, year.year),
            is_overdue=deadlines.passed(year.due_on, today),
            context=municipality.name,
        )
