"""Forms of the meetings: the organiser's (the meeting, its cancellation, attendance, minutes and
follow-up actions) and the participants' (an organisation's and a citizen's sign-up).

A refusal of the model's rules is put beside the field it concerns (``policies.forms.show_refusal``);
one about no field of the form goes to the top.
"""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from organisations.forms import DateInput, DateTimeLocalInput
from organisations.models import Organisation
from policies.forms import ModelRulesForm
from policies.models import Meeting, MeetingAction, policy_points_for, validate_hearing_document


class MeetingForm(ModelRulesForm):
    """A meeting as its organiser writes it, with room for one more document each time. A new
    meeting names its organiser among those the user may organise for."""

    organiser = forms.ChoiceField(label=_("Organiser"))
    document = forms.FileField(label=_("Attach a document"), required=False, help_text=_("PDF, DOCX or ODT."))
    document_title = forms.CharField(label=_("Document title"), max_length=255, required=False)

    # The model's organiser fields, shown as the one choice ``organiser``.
    RENAMED = {"organising_administration": "organiser", "organising_body": "organiser"}

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "agenda",
            "signup_rule",
            "capacity",
            "signup_deadline",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "agenda": forms.Textarea(attrs={"rows": 8}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "signup_deadline": DateTimeLocalInput(),
            "capacity": forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        }

    def __init__(self, *args, administrations=(), bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["organiser"])
        if self.instance.pk:
            del self.fields["organiser"]
            return
        self.organisers = {f"forvaltning-{a.pk}": a for a in administrations} | {f"udvalg-{b.pk}": b for b in bodies}
        choices = []
        if administrations:
            choices.append((_("Administrations"), [(f"forvaltning-{a.pk}", self._label(a)) for a in administrations]))
        if bodies:
            choices.append((_("Consulted bodies"), [(f"udvalg-{b.pk}", self._label(b)) for b in bodies]))
        field = self.fields["organiser"]
        field.choices = choices
        field.help_text = _("Its caseworkers or members edit the meeting and record what happened.")

    @staticmethod
    def _label(organiser):
        return f"{organiser} ({organiser.municipality})"

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            error = ValidationError(
                {self.RENAMED.get(name, name) if name != NON_FIELD_ERRORS else name: errors for name, errors in error.error_dict.items()}
            )
        super().add_error(field, error)

    def clean(self):
        cleaned = super().clean()
        organiser = self.organisers.get(cleaned.get("organiser")) if "organiser" in self.fields else None
        if organiser is not None:
            # Before the model's rules run (``_post_clean``), which check the organiser.
            self.instance.municipality = organiser.municipality
            if hasattr(organiser, "caseworkers"):
                self.instance.organising_administration = organiser
            else:
                self.instance.organising_body = organiser
        return cleaned

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_hearing_document(document)
        return document

    def chosen_organiser(self):
        return self.organisers[self.cleaned_data["organiser"]]

    def values(self):
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def new_document(self):
        document = self.cleaned_data.get("document")
        return (document, self.cleaned_data.get("document_title") or document.name) if document else None


class MeetingCancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the meeting cancelled?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown on the meeting's page and e-mailed to everyone signed up."),
    )


class OrganisationSignupForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None)
    participants = forms.IntegerField(
        label=_("Number of participants"),
        min_value=1,
        max_value=32767,
        initial=1,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )

    def __init__(self, *args, organisations, seats_left=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        if seats_left is not None:
            self.fields["participants"].help_text = _("%(left)d seats are free now.") % {"left": seats_left}


class CitizenSignupForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We e-mail you a link that confirms the sign-up. Your name and address are used for this meeting only."),
    )


class AttendanceForm(ModelRulesForm):
    class Meta:
        model = Meeting
        fields = ["attendance_count", "organisations_present"]
        widgets = {
            "attendance_count": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            "organisations_present": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendance_count"].required = True
        self.fields["organisations_present"].queryset = Organisation.objects.filter(
            municipality=self.instance.municipality_id
        ).order_by("name", "pk")


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Minutes"),
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("Only the organisers read the minutes until they are approved; then everyone does, and they are fixed."),
    )

    def clean_minutes(self):
        return self.cleaned_data["minutes"].replace("\r\n", "\n").strip()


class MeetingActionForm(ModelRulesForm):
    class Meta:
        model = MeetingAction
        fields = ["text", "responsible", "due_on", "point", "status"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "due_on": DateInput()}

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting = meeting
        field = self.fields["point"]
        field.queryset = policy_points_for(meeting.municipality)
        field.empty_label = _("No particular point")
        field.label_from_instance = lambda point: f"{point.policy.title}: {point}"
