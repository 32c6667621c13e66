"""Forms of the volunteer council: setting it up, the municipality's statutes, an appointed term
and its founding members, a member's leaving, opening an election and the vote, the decisions on
candidates and the chair; the representatives' nomination and vote.

The rules are the models' (``policies.models.council``): these forms only collect the input, and
the views put the services' refusals next to the fields they concern."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from policies.forms import DateInput, ModelRulesForm
from policies.models import ConsultedBody, CouncilStatutes


class CouncilCreateForm(forms.Form):
    """The council speaks through a consulted body: one the municipality consults already, or a new one."""

    body = forms.ModelChoiceField(
        label=_("The council's consulted body"),
        queryset=ConsultedBody.objects.none(),
        required=False,
        empty_label=_("A new body, named below"),
        help_text=_(
            "The hearings that consult this body consult the council's members. Choose a body the municipality "
            "consults already if it is the council."
        ),
    )
    name = forms.CharField(
        label=_("Name of the new body"),
        max_length=200,
        required=False,
        help_text=_("E.g. “Frivilligrådet”. Leave it empty if you chose a body above."),
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the council is, in plain words, for the public page."),
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = municipality.consulted_bodies.filter(volunteer_council__isnull=True)

    def clean(self):
        cleaned_data = super().clean()
        body, name = cleaned_data.get("body"), cleaned_data.get("name", "").strip()
        if body is None and not name and "body" not in self.errors:
            self.add_error("name", forms.ValidationError(_("Name the new body, or choose one above."), code="required"))
        elif body is not None and name:
            self.add_error("name", forms.ValidationError(
                _("You chose %(body)s above: leave the name empty, or choose “A new body”.") % {"body": body},
                code="both_given",
            ))
        return cleaned_data

    def values(self):
        data = self.cleaned_data
        return {"body": data["body"], "body_name": data["name"], "description": data["description"].replace("\r\n", "\n")}


class TermAppointForm(forms.Form):
    """A term's first and last day: an appointed term's, and an election's (``ElectionOpenForm``)."""

    starts_on = forms.DateField(label=_("The term starts"), widget=DateInput)
    ends_on = forms.DateField(
        label=_("The term ends"),
        widget=DateInput,
        required=False,
        help_text=_("Leave it empty for a term of the length the statutes set."),
    )


class MemberAppointForm(forms.Form):
    """A founding member: one of the representatives of an organisation that may sit on the council
    (``organisations``: with their representatives prefetched)."""

    member = forms.ChoiceField(label=_("Member"))

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {}
        groups = []
        for organisation in organisations:
            options = []
            for person in organisation.representatives.all():
                key = f"{organisation.pk}-{person.pk}"
                self.people[key] = (organisation, person)
                options.append((key, _("%(person)s, for %(organisation)s") % {"person": person, "organisation": organisation}))
            if options:
                groups.append((str(organisation), options))
        field = self.fields["member"]
        field.choices = [("", _("Choose the member")), *groups]
        field.help_text = _(
            "The representatives in the portal of the organisations the statutes let sit on the council. An "
            "organisation whose representatives are not here yet is invited from the directory."
        )

    def organisation_and_person(self):
        return self.people[self.cleaned_data["member"]]


class MemberLeaveForm(forms.Form):
    left_on = forms.DateField(
        label=_("Last day on the council"),
        widget=DateInput,
        help_text=_("From the next day, the hearings opened no longer consult the member."),
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, prefix=f"udtraeder-{member.pk}", **kwargs)
        self.fields["left_on"].label = _("Last day on the council for %(person)s") % {"person": member.user}


class StatutesForm(ModelRulesForm):
    class Meta:
        model = CouncilStatutes
        fields = [
            "adopted_on", "decision_reference", "seats", "votes_per_organisation", "who_may_vote", "who_may_stand",
            "term_years", "text",
        ]
        widgets = {
            "adopted_on": DateInput,
            "who_may_vote": forms.RadioSelect,
            "who_may_stand": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 8}),
        }

    def values(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class ElectionOpenForm(TermAppointForm):
    """The term the election fills, and when its nominations run."""

    nominations_open_on = forms.DateField(label=_("Nominations open"), widget=DateInput)
    nominations_close_on = forms.DateField(
        label=_("Nominations close"), widget=DateInput, help_text=_("The last day to put up a candidate.")
    )


class OpenVotingForm(forms.Form):
    voting_opens_on = forms.DateField(label=_("Voting opens"), widget=DateInput)
    voting_closes_on = forms.DateField(label=_("Voting closes"), widget=DateInput, help_text=_("The last day to vote."))


class RejectCandidateForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the candidate not approved?"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The organisation reads it."),
    )

    def __init__(self, *args, candidate, **kwargs):
        super().__init__(*args, prefix=f"afvis-{candidate.pk}", **kwargs)
        self.fields["reason"].label = _("Why is %(candidate)s not approved?") % {"candidate": candidate}


class ChairForm(forms.Form):
    """The chair among the term's members (``term.members`` prefetched with their people and
    organisations: the form costs no query of its own)."""

    member = forms.TypedChoiceField(label=_("Chair"), coerce=int)

    def __init__(self, *args, term, **kwargs):
        super().__init__(*args, prefix=f"formand-{term.pk}", **kwargs)
        # A member who has left is no longer the council's to choose.
        self.members = {member.pk: member for member in term.members.all() if not member.has_left()}
        field = self.fields["member"]
        field.label = _("The chair the council chose for %(term)s") % {"term": term}
        field.choices = [("", _("Choose the chair"))] + [
            (member.pk, f"{member.user} ({member.organisation})") for member in self.members.values()
        ]
        field.initial = next((member.pk for member in self.members.values() if member.is_chair), None)

    def clean_member(self):
        return self.members[self.cleaned_data["member"]]


class NominationForm(forms.Form):
    """A representative puts up one of their organisation's representatives (themselves, as a rule)."""

    candidate = forms.ChoiceField(label=_("Candidate"), widget=forms.RadioSelect)
    statement = forms.CharField(
        label=_("Presentation"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few lines for the voters: who the candidate is and what they want the council to do."),
    )

    def __init__(self, *args, organisations, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {}
        choices = []
        for organisation in organisations:
            # The representative themselves first: most organisations put up the one who nominates.
            people = sorted(organisation.representatives.all(), key=lambda person: (person.pk != user.pk, str(person)))
            for person in people:
                key = f"{organisation.pk}-{person.pk}"
                self.people[key] = (organisation, person)
                choices.append((key, _("%(person)s, for %(organisation)s") % {"person": person, "organisation": organisation}))
        self.fields["candidate"].choices = choices
        if len(choices) == 1:
            self.fields["candidate"].initial = choices[0][0]

    def organisation_and_person(self):
        return self.people[self.cleaned_data["candidate"]]


class VoteForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Vote on behalf of"), queryset=None, widget=forms.RadioSelect, empty_label=None
    )
    # Not required here: the model says what a ballot needs (``CouncilElection.check_ballot``).
    candidates = forms.ModelMultipleChoiceField(
        label=_("Your votes"), queryset=None, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, election, organisations, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        organisations = list(organisations)
        if len(organisations) == 1:
            self.fields["organisation"].initial = organisations[0].pk
        field = self.fields["candidates"]
        field.queryset = candidates
        field.label_from_instance = lambda candidate: _("%(person)s, %(organisation)s") % {
            "person": candidate.user, "organisation": candidate.organisation
        }
        votes = election.statutes.votes_per_organisation
        field.help_text = ngettext(
            "Choose %(votes)d candidate.", "Choose up to %(votes)d candidates, one vote each.", votes
        ) % {"votes": votes}

