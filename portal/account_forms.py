"""What every form that makes a new account checks: an e-mail address no account has yet, and a
password chosen twice that passes the password validators (settings.AUTH_PASSWORD_VALIDATORS)."""

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.translation import gettext_lazy as _


def free_email(email, *, taken_message):
    """The address, normalised, if no account signs in with it or has it; else a refusal on the field."""
    email = email.strip().lower()
    users = get_user_model().objects
    if users.filter(username__iexact=email).exists() or users.filter(email__iexact=email).exists():
        raise forms.ValidationError(taken_message, code="email_taken")
    return email


def check_new_password(form, candidate):
    """Put on ``form`` what is wrong with its ``password1`` and ``password2``: they differ, or the
    password is too weak for ``candidate`` (the unsaved user, so that it is not like their name)."""
    first, second = form.cleaned_data.get("password1"), form.cleaned_data.get("password2")
    if first and second and first != second:
        form.add_error("password2", forms.ValidationError(_("The two passwords differ."), code="password_mismatch"))
    elif first:
        try:
            password_validation.validate_password(first, candidate)
        except forms.ValidationError as error:
            form.add_error("password1", error)
