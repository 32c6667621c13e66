"""The debate's forms. The rules are the models': the views hand what these forms clean to
``portal.debate_services``, and put a refusal next to the field it concerns with ``policies.forms.show_refusal``."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _

from policies.models import Municipality, PolicyPoint, PolicyStatus, VolunteerPolicy
from portal.account_forms import check_new_password, free_email
from portal.models import BODY_MAX_LENGTH, REASON_MAX_LENGTH, TITLE_MAX_LENGTH


def _text_field(label, max_length, rows, help_text=""):
    return forms.CharField(
        label=label, max_length=max_length, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


class SignUpForm(forms.ModelForm):
    """A new participant: the e-mail address they sign in with and confirm, a display name, a password."""

    password1 = forms.CharField(label=_("Choose a password"), strip=False, widget=forms.PasswordInput)
    password2 = forms.CharField(label=_("Repeat the password"), strip=False, widget=forms.PasswordInput)

    class Meta:
        model = get_user_model()
        fields = ["email", "display_name"]
        labels = {"email": _("Your e-mail address")}
        help_texts = {
            "email": _("You sign in with it. We e-mail you a link to confirm it; it is never shown to others."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.fields["display_name"].required = True
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["display_name"].widget.attrs["autocomplete"] = "nickname"
        self.fields["password1"].widget.attrs["autocomplete"] = "new-password"
        self.fields["password2"].widget.attrs["autocomplete"] = "new-password"
        self.fields["password1"].help_text = password_validation.password_validators_help_text_html()

    def clean_email(self):
        return free_email(
            self.cleaned_data["email"],
            taken_message=_("An account with this e-mail address exists already. Log in instead."),
        )

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email", "")
        check_new_password(self, get_user_model()(username=email, email=email, display_name=cleaned.get("display_name", "")))
        return cleaned


class DisplayNameForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True


class AboutChoiceField(forms.ChoiceField):
    """What a topic is about: nothing in particular, a policy as a whole, or one of its points,
    grouped by policy. Values are "politik-<pk>" and "punkt-<pk>"."""

    def __init__(self, **kwargs):
        super().__init__(choices=self.build_choices, required=False, **kwargs)

    @staticmethod
    def build_choices():
        policies = VolunteerPolicy.objects.exclude(status=PolicyStatus.DRAFT).select_related("municipality")
        points = PolicyPoint.objects.filter(policy__in=policies).order_by("policy", "number")
        by_policy = {}
        for point in points:
            by_policy.setdefault(point.policy_id, []).append((f"punkt-{point.pk}", str(point)))
        choices = [("", _("Nothing in particular"))]
        for policy in policies.order_by("municipality__name", "title"):
            label = f"{policy.title} ({policy.municipality})"
            choices.append((label, [(f"politik-{policy.pk}", _("The policy as a whole")), *by_policy.get(policy.pk, [])]))
        return choices

    @staticmethod
    def value_for(policy=None, point=None):
        if point is not None:
            return f"punkt-{point.pk}"
        if policy is not None:
            return f"politik-{policy.pk}"
        return ""

    @staticmethod
    def resolve(value):
        """(policy, point) for a chosen value."""
        kind, _sep, pk = (value or "").partition("-")
        if kind == "punkt":
            point = PolicyPoint.objects.select_related("policy").filter(pk=pk).first()
            return (point.policy, point) if point else (None, None)
        if kind == "politik":
            return VolunteerPolicy.objects.filter(pk=pk).first(), None
        return None, None


class TopicForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.order_by("name"),
        empty_label=_("Choose the municipality"),
        help_text=_("The municipality whose volunteer work the topic is about. Its moderators look after it."),
    )
    about = AboutChoiceField(label=_("About"), help_text=_("Optional: the policy or the policy point you write about."))
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    body = _text_field(_("Your post"), BODY_MAX_LENGTH, 8)

    #: The model's field names and the form's.
    RENAMED = {"policy": "about", "point": "about", "author": None, "topic": None}

    def about_values(self):
        return AboutChoiceField.resolve(self.cleaned_data.get("about"))


class ReplyForm(forms.Form):
    body = _text_field(_("Your reply"), BODY_MAX_LENGTH, 5)

    RENAMED = {"author": None, "topic": None}


class PostEditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    body = _text_field(_("Text"), BODY_MAX_LENGTH, 8)

    RENAMED = {"author": None, "topic": None, "status": None}

    def __init__(self, *args, opening, **kwargs):
        super().__init__(*args, **kwargs)
        if not opening:
            del self.fields["title"]


class ReportForm(forms.Form):
    reason = _text_field(
        _("What is wrong with the post?"),
        REASON_MAX_LENGTH,
        4,
        _("E.g. offensive, advertising, or it tells personal matters about someone. The moderators read it."),
    )


class HideForm(forms.Form):
    hidden_reason = _text_field(
        _("Why is the post hidden?"),
        REASON_MAX_LENGTH,
        4,
        _("The author reads the reason with their post and in an e-mail; no one else does."),
    )
