"""Forms of the plan editor, the policy owner's review and the follow-up.

Edit forms carry the ``version`` of the row they were opened at as a hidden field, which
``policies.services`` compares on save (optimistic locking).
"""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from policies.models import (
    Action,
    ActionStatus,
    Administration,
    FollowUp,
    FollowUpStatus,
    Hearing,
    ImplementationPlan,
    Municipality,
    PointExemption,
    validate_hearing_document,
)


class DateInput(forms.DateInput):
    """The browser's own date picker: works without JavaScript and with a keyboard."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def show_refusal(form, error, renamed=None):
    """Put a model's or a service's refusal on ``form``: each message next to the field it concerns
    (the model's field names mapped to the form's through ``renamed``), the others above the form."""
    renamed = renamed or {}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        name = renamed.get(name, name)
        form.add_error(name if name in form.fields else None, errors)


class ModelRulesForm(forms.ModelForm):
    """A ModelForm that shows every refusal of the model's ``clean()``: an error about a field the
    form does not show (the plan, the point) goes to the top of the form instead of raising."""

    def add_error(self, field, error):
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            shown, elsewhere = {}, []
            for name, errors in error.error_dict.items():
                if name == NON_FIELD_ERRORS or name in self.fields:
                    shown[name] = list(errors)
                else:
                    elsewhere.extend(errors)
            if elsewhere:
                shown.setdefault(NON_FIELD_ERRORS, []).extend(elsewhere)
            error = ValidationError(shown)
        super().add_error(field, error)

    def clean(self):
        cleaned_data = super().clean()
        # Browsers send a textarea's line breaks as CRLF; store them as the documents have them.
        for name, value in cleaned_data.items():
            if isinstance(value, str):
                cleaned_data[name] = value.replace("\r\n", "\n")
        return cleaned_data

    def changes(self):
        """The model fields this form edits, with their new values."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


class VersionedForm(ModelRulesForm):
    """Carries the version the row had when the editor opened it."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version

    def show_conflict(self, conflict):
        """Refuse the save with who changed what, keep the typed text, and take the current
        version, so that saving again (after reading) replaces the other person's version."""
        if conflict.current is not None:
            self.data = self.data.copy()
            self.data[self.add_prefix("version")] = conflict.current.version
        self.add_error(None, ValidationError(conflict.message, code="edit_conflict"))


class VersionForm(forms.Form):
    """Only the version: for removing a row that may have changed since the page was opened."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class PlanDetailsForm(VersionedForm):
    class Meta:
        model = ImplementationPlan
        fields = [
            "title",
            "introduction",
            "case_number",
            "document_number",
            "caseworker_initials",
            "dated_on",
            "follow_up_cadence_months",
        ]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 6}), "dated_on": DateInput}


class ActionForm(ModelRulesForm):
    class Meta:
        model = Action
        fields = ["text", "responsible_unit", "status", "target", "due_on"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}), "due_on": DateInput}


class ActionEditForm(VersionedForm):
    class Meta(ActionForm.Meta):
        pass


class ExemptionForm(ModelRulesForm):
    class Meta:
        model = PointExemption
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 4})}

    def clean_reason(self):
        return self.cleaned_data["reason"].strip()


class ExemptionEditForm(VersionedForm):
    class Meta(ExemptionForm.Meta):
        pass

    clean_reason = ExemptionForm.clean_reason


class PlanReturnForm(ModelRulesForm):
    class Meta:
        model = ImplementationPlan
        fields = ["return_comment"]
        labels = {"return_comment": _("What should the administration change?")}
        help_texts = {"return_comment": _("The caseworkers see this comment when they open the plan again.")}
        widgets = {"return_comment": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["return_comment"].required = True


class PlanAdoptForm(ModelRulesForm):
    class Meta:
        model = ImplementationPlan
        fields = ["decision_reference", "adopted_on"]
        help_texts = {
            "decision_reference": _("The committee's decision, e.g. “SOU 337/2006”."),
            "adopted_on": _("The day the committee adopted the plan."),
        }
        widgets = {"adopted_on": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self._meta.fields:
            self.fields[name].required = True


class FollowUpForm(ModelRulesForm):
    """A follow-up: its date on the cadence, the figures, the report, and each action's status."""

    due_on = forms.TypedChoiceField(label=_("due on"), coerce=datetime.date.fromisoformat)

    class Meta:
        model = FollowUp
        fields = ["due_on", "number_of_volunteers", "number_of_organisations", "report"]
        widgets = {"report": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, due_dates, actions, reports=(), submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        if submitting:
            # Validate as the follow-up will be once submitted: the model then asks for the report.
            self.instance.status = FollowUpStatus.SUBMITTED
        self.fields["due_on"].choices = [(day.isoformat(), date_format(day, "j. F Y")) for day in due_dates]
        self.fields["due_on"].help_text = _("The dates on which the plan's follow-ups fall due.")
        if self.instance.due_on:
            self.initial["due_on"] = self.instance.due_on.isoformat()
        reported = {report.action_id: report for report in reports}
        self.actions = list(actions)
        for action in self.actions:
            report = reported.get(action.pk)
            self.fields[f"status_{action.pk}"] = forms.ChoiceField(
                label=_("Status"),
                choices=ActionStatus.choices,
                initial=report.status if report else action.status,
            )
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label=_("Note"),
                required=False,
                initial=report.note if report else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def action_rows(self):
        """(action, legend, status field, note field) for each action, for the template."""
        return [
            (
                action,
                _("Point %(number)s: %(text)s")
                % {"number": action.point.number, "text": Truncator(action.text).chars(120)},
                self[f"status_{action.pk}"],
                self[f"note_{action.pk}"],
            )
            for action in self.actions
        ]

    def statuses(self):
        return {
            action: (self.cleaned_data[f"status_{action.pk}"], self.cleaned_data[f"note_{action.pk}"].strip())
            for action in self.actions
        }


class FollowUpEditForm(VersionedForm, FollowUpForm):
    class Meta(FollowUpForm.Meta):
        pass


# Hearings


class HearingForm(ModelRulesForm):
    """A hearing as its administration writes it, with room for one more document each time."""

    document = forms.FileField(
        label=_("Attach a document"), required=False, help_text=_("PDF, DOCX or ODT.")
    )
    document_title = forms.CharField(label=_("Document title"), max_length=255, required=False)

    class Meta:
        model = Hearing
        fields = [
            "title", "summary", "case_number", "consulted_bodies", "opens_on", "response_deadline",
            "deciding_meeting_on",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 5}),
            "opens_on": DateInput,
            "response_deadline": DateInput,
            "deciding_meeting_on": DateInput,
            "consulted_bodies": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consulted_bodies"].queryset = municipality.consulted_bodies.all()
        self.fields["opens_on"].help_text = _("The planned opening; opening the hearing sets it to that day.")
        if self.instance.is_opened:
            # Once open, the dates move only by an extension, and the hearing list is fixed.
            for name in ("opens_on", "response_deadline", "deciding_meeting_on", "consulted_bodies"):
                del self.fields[name]

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            validate_hearing_document(document)
        return document

    def values(self):
        return {name: self.cleaned_data[name] for name in self.fields if name in self._meta.fields and name != "consulted_bodies"}

    def bodies(self):
        return self.cleaned_data.get("consulted_bodies")

    def new_document(self):
        document = self.cleaned_data.get("document")
        return (document, self.cleaned_data.get("document_title") or document.name) if document else None


class HearingExtendForm(forms.Form):
    new_deadline = forms.DateField(label=_("New response deadline"), widget=DateInput)
    reason = forms.CharField(label=_("Why is the deadline extended?"), widget=forms.Textarea(attrs={"rows": 3}))


class HearingResponseForm(forms.Form):
    text = forms.CharField(
        label=_("Your response"), widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Save it as a draft and come back, or submit it. You can change it until the deadline."),
    )

    def clean_text(self):
        return self.cleaned_data["text"].replace("\r\n", "\n").strip()


class HearingNoteForm(forms.Form):
    """The hearing note: a general text, and for each submitted response how it was taken into account."""

    hearing_note = forms.CharField(label=_("Hearing note"), widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, hearing, responses, **kwargs):
        super().__init__(*args, **kwargs)
        self.responses = list(responses)
        self.fields["hearing_note"].initial = hearing.hearing_note
        for response in self.responses:
            self.fields[f"consideration_{response.pk}"] = forms.CharField(
                label=_("How the response of %(name)s was taken into account") % {"name": response},
                initial=response.consideration,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def rows(self):
        return [(response, self[f"consideration_{response.pk}"]) for response in self.responses]

    def considerations(self):
        return {r: self.cleaned_data[f"consideration_{r.pk}"].replace("\r\n", "\n").strip() for r in self.responses}


class HearingConcludeForm(forms.Form):
    decision_reference = forms.CharField(
        label=_("Decision reference"), max_length=100, help_text=_("The decision taken, e.g. “BR 754/05”.")
    )


class HearingSubscriptionForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"))
    administrations = forms.ModelMultipleChoiceField(
        label=_("New hearings of these administrations"),
        queryset=Administration.objects.select_related("municipality"),
        widget=forms.CheckboxSelectMultiple,
    )


class MunicipalitySettingsForm(ModelRulesForm):
    """The rules a municipality adopts with its policy and its public contact person for voluntary
    work, as its policy owners keep them (``Municipality.clean`` says what is allowed)."""

    class Meta:
        model = Municipality
        fields = [*Municipality.SETTINGS, *Municipality.CONTACT]
        widgets = {"debate_moderation": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        phone = self.fields["volunteer_contact_phone"].widget
        phone.input_type = "tel"
        phone.attrs.update(autocomplete="off")
        self.fields["volunteer_contact_email"].widget.attrs.update(autocomplete="off")

    def rule_fields(self):
        return [self[name] for name in Municipality.SETTINGS]

    def contact_fields(self):
        return [self[name] for name in Municipality.CONTACT]
