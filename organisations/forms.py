import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from organisations.models import Activity, DeletionRequest, DeletionRequestStatus, Organisation
from policies.models import Municipality, VolunteerCouncil
from portal.account_forms import check_new_password, free_email

PROFILE_FIELDS = [
    "name",
    "cvr",
    "kind",
    "purpose",
    "target_groups",
    "fields_of_activity",
    "districts",
    "address",
    "postal_code",
    "city",
    "email",
    "phone",
    "website",
    "contact_person",
    "contact_email",
    "contact_phone",
    "contact_consent",
    "members_count",
    "volunteers_count",
    "on_volunteer_council",
    "is_listed",
]

VOCABULARY_FIELDS = ("target_groups", "fields_of_activity", "districts")


def formfield(field, **kwargs):
    """Web addresses typed without a scheme are taken as https://."""
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


def _limit_vocabulary(form, municipality):
    """Offer only the terms the organisation's own municipality keeps."""
    for name in VOCABULARY_FIELDS:
        if name in form.fields:
            field = form.fields[name]
            field.queryset = field.queryset.model.objects.filter(municipality=municipality).order_by("name")
            field.widget = forms.CheckboxSelectMultiple()
            field.help_text = ""


class OrganisationProfileForm(forms.ModelForm):
    """What a representative keeps current; the municipality's fields (status, hiding) are not here."""

    class Meta:
        formfield_callback = formfield
        model = Organisation
        fields = PROFILE_FIELDS
        widgets = {"purpose": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _limit_vocabulary(self, self.instance.municipality)
        if VolunteerCouncil.objects.filter(municipality=self.instance.municipality_id).exists():
            # The municipality's council in the portal says who sits on it (its seats), not a tick box.
            del self.fields["on_volunteer_council"]


class AccountRequestForm(forms.ModelForm):
    """An organisation asks to be listed: the organisation, and who keeps its profile.

    A signed-in user asks as themselves; anyone else creates their account here, which
    opens once the municipality approves the organisation."""

    person_name = forms.CharField(label=_("Your name"), max_length=255)
    person_email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("You log in with this address once the municipality has approved.")
    )
    password1 = forms.CharField(label=_("Choose a password"), strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Repeat the password"), strip=False, widget=forms.PasswordInput)

    PERSON_FIELDS = ("person_name", "person_email", "password1", "password2")

    class Meta:
        formfield_callback = formfield
        model = Organisation
        fields = ["municipality", "name", "cvr", "kind", "purpose", "email", "phone", "website"]
        widgets = {"purpose": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        if user is not None and user.is_authenticated:
            for name in self.PERSON_FIELDS:
                del self.fields[name]
        else:
            self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean_person_email(self):
        return free_email(
            self.cleaned_data["person_email"],
            taken_message=_("An account with this e-mail exists already. Log in first, then ask again."),
        )

    def clean(self):
        cleaned = super().clean()
        candidate = get_user_model()(username=cleaned.get("person_email", ""), name=cleaned.get("person_name", ""))
        check_new_password(self, candidate)
        return cleaned


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        self.fields["reason"].help_text = help_text


class DeletionRequestForm(forms.ModelForm):
    class Meta:
        model = DeletionRequest
        fields = ["reason"]
        widgets = {"reason": forms.Textarea(attrs={"rows": 3})}


class DeletionDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[
            (DeletionRequestStatus.CARRIED_OUT, _("Delete the organisation and its activities")),
            (DeletionRequestStatus.DECLINED, _("Keep the data, and tell the organisation why")),
        ],
    )
    note = forms.CharField(label=_("Note to the organisation"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == DeletionRequestStatus.DECLINED and not cleaned.get("note", "").strip():
            self.add_error("note", forms.ValidationError(_("Tell the organisation why its data is kept."), code="note_required"))
        return cleaned


class InviteForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    name = forms.CharField(label=_("The organisation's name"), max_length=255)
    email = forms.EmailField(label=_("The representative's e-mail"))
    person_name = forms.CharField(label=_("The representative's name"), max_length=255, required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        municipality, name = cleaned.get("municipality"), cleaned.get("name")
        if municipality and name and Organisation.objects.filter(municipality=municipality, name=name).exists():
            self.add_error("name", forms.ValidationError(_("The directory has an organisation of this name already."), code="duplicate"))
        return cleaned


class ISOInputMixin:
    """A browser's date picker sends ISO values only; anything else (a hand-edited address)
    is left out of the re-rendered field, where it would be invalid HTML, and the field's
    error says what was wrong."""

    iso_pattern = None

    def format_value(self, value):
        value = super().format_value(value)
        if isinstance(value, str) and not re.fullmatch(self.iso_pattern, value):
            return None
        return value


class DateTimeLocalInput(ISOInputMixin, forms.DateTimeInput):
    input_type = "datetime-local"
    iso_pattern = r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(ISOInputMixin, forms.DateInput):
    input_type = "date"
    iso_pattern = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select of plain (ungrouped) choices whose options are written in one go rather than
    through a template each: the directory's filters offer a hundred municipalities, and
    Django's template per option costs a tenth of a millisecond apiece, which the public
    pages cannot spare."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = "".join(
            f'<option value="{escape(key)}"{" selected" if str(key) in chosen else ""}>{escape(label)}</option>'
            for key, label in self.choices
        )
        attrs = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attrs}>{options}</select>')


class ActivityForm(forms.ModelForm):
    class Meta:
        formfield_callback = formfield
        model = Activity
        fields = [
            "title",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "target_groups",
            "repeats_weekly",
            "repeat_until",
            "signup_required",
            "signup_url",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "starts_at": DateTimeLocalInput(),
            "ends_at": DateTimeLocalInput(),
            "repeat_until": DateInput(),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.organisation = organisation
        _limit_vocabulary(self, organisation.municipality)


class ImportForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Municipality.objects.none())
    file = forms.FileField(
        label=_("File"),
        help_text=_("CSV (UTF-8, comma or semicolon separated) or Excel (XLSX), with a header row."),
    )
    dry_run = forms.BooleanField(label=_("Only check the file; import nothing"), required=False)

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class PeriodForm(forms.Form):
    """Which week or month the calendar shows; any day in it will do."""

    WEEK, MONTH = "uge", "maaned"

    visning = forms.ChoiceField(
        label=_("Show"), required=False, choices=[(WEEK, _("a week")), (MONTH, _("a month"))]
    )
    dato = forms.DateField(label=_("The week or month of"), required=False, widget=DateInput())


# ---- Premises and bookings ----

from organisations.models import Booking  # noqa: E402  (kept with the block it serves)


class BookingForm(forms.ModelForm):
    """A representative's request for a room, on behalf of one of their organisations."""

    class Meta:
        model = Booking
        fields = ["organisation", "starts_at", "ends_at", "purpose", "expected_attendees"]
        widgets = {"starts_at": DateTimeLocalInput(), "ends_at": DateTimeLocalInput()}

    def __init__(self, *args, room, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.room = room
        field = self.fields["organisation"]
        field.queryset = organisations
        field.empty_label = None
        field.help_text = _("The booking is made in the organisation's name, which the room's calendar shows.")
        self.fields["expected_attendees"].widget.attrs.update({"min": 1, "max": room.capacity})
        self.fields["expected_attendees"].help_text = _("At most %(capacity)d.") % {"capacity": room.capacity}


class BookingDecisionForm(forms.Form):
    APPROVE, DECLINE = "godkend", "afvis"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve the booking")), (DECLINE, _("Decline the request"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you decline; the organisation sees it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.DECLINE and not cleaned.get("reason", "").strip():
            self.add_error(
                "reason",
                forms.ValidationError(_("Tell the organisation why the request is declined."), code="reason_required"),
            )
        return cleaned
