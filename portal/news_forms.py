"""The form a policy owner or caseworker writes news with, and the admin's; both check the links
with ``NewsItem.validate_links``."""

from django import forms

from organisations.forms import DateTimeLocalInput
from policies.forms import ModelRulesForm
from policies.models import Administration
from portal.models import LINK_FIELDS, NewsItem


class NewsItemForm(ModelRulesForm):
    class Meta:
        model = NewsItem
        fields = [
            "kind",
            "administration",
            "title",
            "summary",
            "body",
            "published_at",
            "contact_name",
            "contact_phone",
            "contact_email",
            "plans",
            "hearings",
            "schemes",
            "meetings",
        ]
        widgets = {
            "published_at": DateTimeLocalInput(),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 12}),
            "plans": forms.CheckboxSelectMultiple,
            "hearings": forms.CheckboxSelectMultiple,
            "schemes": forms.CheckboxSelectMultiple,
            "meetings": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, municipality=None, senders=None, sender_required=False, **kwargs):
        """``municipality``: a new item's (from the address); ``senders``: the administrations the
        writer may send from (every one of the municipality's when None); ``sender_required``: a
        caseworker sends from an administration, only a policy owner for the municipality as a whole."""
        super().__init__(*args, **kwargs)
        if municipality is not None:
            self.instance.municipality = municipality
        municipality = self.instance.municipality
        if senders is None:
            senders = Administration.objects.filter(municipality=municipality)
        self.fields["administration"].queryset = senders
        if sender_required:
            self.fields["administration"].required = True
            self.fields["administration"].empty_label = None
        for field in LINK_FIELDS:
            self.fields[field].queryset = self.instance.linkable(field)
        self.fields["plans"].queryset = self.fields["plans"].queryset.select_related("policy", "administration")
        self.fields["plans"].label_from_instance = lambda plan: f"{plan.administration}: {plan.policy.title}"

    def clean(self):
        return check_links(self, super().clean())


class NewsItemAdminForm(forms.ModelForm):
    class Meta:
        model = NewsItem
        fields = "__all__"

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("municipality"):
            self.instance.municipality = cleaned_data["municipality"]
            check_links(self, cleaned_data)
        return cleaned_data


def check_links(form, cleaned_data):
    """``NewsItem.validate_links`` on the chosen links, its refusals on their fields."""
    try:
        form.instance.validate_links(**{field: cleaned_data.get(field) or [] for field in LINK_FIELDS})
    except forms.ValidationError as error:
        for field, errors in error.error_dict.items():
            form.add_error(field, errors)
    return cleaned_data
