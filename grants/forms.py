"""The forms of schemes and legal bases, applications, decisions, reports and cooperation agreements.

Nothing is required of a draft beyond what identifies it: a scheme's own requirements (goals,
budget, documents) are checked when the application is submitted, and the report's when it is
submitted (policy point 7: the portal asks only what the scheme and its legal basis require, and
says which those are)."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from grants.models import (
    DOCUMENTATION,
    Application,
    ApplicationAttachment,
    BudgetLine,
    CooperationAgreement,
    DecisionOutcome,
    Goal,
    GoalOutcome,
    GoalResult,
    GrantScheme,
    LegalBasis,
    Report,
    ReportTier,
    RequiredAttachment,
)
from organisations.models import Organisation
from policies.forms import DateInput, ModelRulesForm


class SchemeForm(ModelRulesForm):
    """A scheme's own fields. The administrations are those the user is a caseworker of (on an existing
    scheme, of its municipality); the legal bases those of the same municipalities. Every rule is the
    model's (``GrantScheme.clean``)."""

    class Meta:
        model = GrantScheme
        fields = [
            "administration",
            "legal_basis",
            "name",
            "year",
            "budget",
            "description",
            "criteria",
            "opens_on",
            "closes_on",
            "period_starts_on",
            "period_ends_on",
            "report_months_after_period",
            "requires_goals",
            "requires_budget",
            "refuses_while_report_outstanding",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "criteria": forms.Textarea(attrs={"rows": 4}),
            "opens_on": DateInput,
            "closes_on": DateInput,
            "period_starts_on": DateInput,
            "period_ends_on": DateInput,
        }

    def __init__(self, *args, administrations, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            administrations = administrations.filter(municipality=self.instance.administration.municipality_id)
        administrations = administrations.select_related("municipality").order_by("municipality__name", "name")
        municipalities = {administration.municipality_id for administration in administrations}
        several = len(municipalities) > 1
        self.fields["administration"].queryset = administrations
        self.fields["administration"].empty_label = None
        self.fields["legal_basis"].queryset = LegalBasis.objects.filter(municipality__in=municipalities).select_related(
            "municipality"
        ).order_by("municipality__name", "name")
        if several:  # say whose: the model refuses a legal basis of another municipality than the administration's
            self.fields["administration"].label_from_instance = lambda item: f"{item} ({item.municipality})"
            self.fields["legal_basis"].label_from_instance = lambda item: f"{item} ({item.municipality})"
        self.fields["legal_basis"].help_text = _(
            "The municipality's policy owners keep the legal bases. It decides what the reports document."
        )
        self.fields["budget"].widget.attrs.update(min=1, step=1)
        self.fields["report_months_after_period"].widget.attrs.update(min=0, max=24, step=1)


class ApplicationForm(ModelRulesForm):
    class Meta:
        model = Application
        fields = ["organisation", "title", "purpose", "amount_requested"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organisations is None:
            del self.fields["organisation"]  # the organisation is chosen once, when the draft is started
        else:
            self.fields["organisation"].queryset = organisations
            self.fields["organisation"].empty_label = None
            self.fields["organisation"].help_text = _("The organisation that applies.")
        self.fields["amount_requested"].widget.attrs.update(min=1, step=1)


class RowsFormSet(BaseInlineFormSet):
    """Rows of an application (goals, budget lines): blank rows are left out, ticked ones removed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            if "DELETE" in form.fields:
                form.fields["DELETE"].label = _("Remove")


GoalFormSet = inlineformset_factory(
    Application, Goal, form=ModelRulesForm, formset=RowsFormSet, fields=["description", "measure"], extra=2, can_delete=True, can_delete_extra=False
)
BudgetFormSet = inlineformset_factory(
    Application,
    BudgetLine,
    form=ModelRulesForm,
    formset=RowsFormSet,
    fields=["description", "amount"],
    extra=3,
    can_delete=True,
    can_delete_extra=False,
)


ReportTierFormSet = inlineformset_factory(
    GrantScheme,
    ReportTier,
    form=ModelRulesForm,
    formset=RowsFormSet,
    fields=["above_amount", "name", "requires_document", "description"],
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)
RequiredAttachmentFormSet = inlineformset_factory(
    GrantScheme,
    RequiredAttachment,
    form=ModelRulesForm,
    formset=RowsFormSet,
    fields=["name", "description"],
    widgets={"description": forms.Textarea(attrs={"rows": 2})},
    extra=1,
    can_delete=True,
    can_delete_extra=False,
)


class LegalBasisForm(ModelRulesForm):
    class Meta:
        model = LegalBasis
        fields = [
            "municipality",
            "name",
            "description",
            "requires_attendance",
            "requires_members",
            "requires_volunteers",
            "documentation_note",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 2}), "documentation_note": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["municipality"]
        field.queryset = municipalities
        field.empty_label = None
        if self.instance.pk is not None:
            # Chosen once: the schemes given under it are the municipality's. Shown, not left out, so that
            # the model's unique name per municipality is still checked on the form.
            field.disabled = True
            field.queryset = municipalities.model.objects.filter(pk=self.instance.municipality_id)


class AttachmentForm(ModelRulesForm):
    class Meta:
        model = ApplicationAttachment
        fields = ["requirement", "title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        application = self.instance.application
        required = application.scheme.required_attachments.all()
        if required:
            self.fields["requirement"].queryset = required
            self.fields["requirement"].empty_label = _("Another document")
            attached = {attachment.requirement_id for attachment in application.attachments.all()}
            missing = [document for document in required if document.pk not in attached]
            if missing and not self.is_bound:
                # The form's initial data (the unsaved attachment's empty requirement) wins over the field's.
                self.initial["requirement"] = missing[0].pk
        else:
            del self.fields["requirement"]


class AssessmentForm(forms.Form):
    notes = forms.CharField(
        label=_("Assessment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the application meets the scheme's criteria. For the municipality only: the applicant does not see it."),
    )
    recommended_amount = forms.IntegerField(label=_("Recommended amount (kr)"), required=False, min_value=0)


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=[(DecisionOutcome.GRANTED, _("Grant")), (DecisionOutcome.REJECTED, _("Reject the application"))],
        widget=forms.RadioSelect,
    )
    amount_granted = forms.IntegerField(
        label=_("Amount granted (kr)"), required=False, min_value=1, help_text=_("Required for a grant; at most the amount requested.")
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What the organisation must observe in using the money, if anything."),
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for a rejection. The applicant reads it."),
    )
    reference = forms.CharField(label=_("Decision reference"), max_length=100, help_text=_("E.g. “SOU 45/2007”."))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == DecisionOutcome.GRANTED and not cleaned.get("amount_granted"):
            self.add_error("amount_granted", ValidationError(_("State the amount granted."), code="amount_required"))
        if cleaned.get("outcome") == DecisionOutcome.REJECTED and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason", ValidationError(_("Tell the organisation why the application is rejected."), code="reason_required")
            )
        return cleaned


class ReportForm(ModelRulesForm):
    class Meta:
        model = Report
        fields = ["evaluation", "attendance", "members", "volunteers", "accounts", "needs"]
        widgets = {"evaluation": forms.Textarea(attrs={"rows": 6}), "needs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        application = self.instance.application
        legal_basis = application.scheme.legal_basis
        required = legal_basis.required_documentation()
        for name in DOCUMENTATION:
            field = self.fields[name]
            field.widget.attrs.update(min=0, step=1)
            if name in required:
                field.help_text = _("%(legal_basis)s requires it.") % {"legal_basis": legal_basis}
            else:
                field.help_text = _("Optional.")
        self.fields["evaluation"].help_text = _("Required. How the project went, and what you and your partners learnt from it.")
        tier = self.instance.tier()
        if tier is None:
            del self.fields["accounts"]
        else:
            self.fields["accounts"].label = tier.name
            self.fields["accounts"].help_text = (
                _("Required for a grant of this size. PDF, Word, OpenDocument or Excel, at most 10 MB.")
                if tier.requires_document
                else _("Optional. PDF, Word, OpenDocument or Excel, at most 10 MB.")
            )


class GoalResultForm(ModelRulesForm):
    class Meta:
        model = GoalResult
        fields = ["outcome", "result", "explanation"]
        widgets = {
            "outcome": forms.RadioSelect,
            "result": forms.Textarea(attrs={"rows": 2}),
            "explanation": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = GoalOutcome.choices
        self.fields["outcome"].required = False


class ReportReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What more the report needs"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("The organisation reads it.")
    )
    new_due_on = forms.DateField(
        label=_("New deadline"), required=False, widget=DateInput, help_text=_("Optional: more time for the report.")
    )


class ReportAcceptForm(forms.Form):
    note = forms.CharField(label=_("Note to the organisation"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AgreementForm(ModelRulesForm):
    class Meta:
        model = CooperationAgreement
        fields = ["organisation", "administration", "title", "reference", "starts_on", "ends_on", "summary"]
        widgets = {"starts_on": DateInput, "ends_on": DateInput, "summary": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, administrations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["administration"].queryset = administrations
        self.fields["administration"].empty_label = None
        # The organisations that have applied to the administrations' schemes: a list of a few, where
        # the municipality's whole directory would be thousands.
        self.fields["organisation"].queryset = Organisation.objects.filter(
            grant_applications__scheme__administration__in=administrations
        ).distinct().order_by("name", "pk")
