"""Writes that span models or have side effects: asking for an account, approval,
invitations, hiding a listing, the data download and deletion requests."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from organisations.models import (
    DeletionRequest,
    DeletionRequestStatus,
    Organisation,
    OrganisationStatus,
)
from portal.writes import save_valid


def _mail(recipients, subject, body):
    recipients = sorted({address for address in recipients if address})
    if recipients:
        send_mail(subject, body, None, recipients)


def _policy_owner_addresses(municipality):
    return municipality.policy_owners.values_list("email", flat=True)


def _representative_addresses(organisation):
    return organisation.representatives.values_list("email", flat=True)


@transaction.atomic
def organisation_request_account(*, organisation, user=None, person_name="", email="", password="", url=""):
    """A pending organisation with its first representative: ``user`` if signed in, else a new
    account that stays closed until the municipality approves. Tells the policy owners."""
    organisation.status = OrganisationStatus.PENDING
    save_valid(organisation)
    if user is None:
        user = get_user_model()(username=email, email=email, name=person_name, is_active=False)
        user.set_password(password)
        save_valid(user)
    organisation.representatives.add(user)
    _mail(
        _policy_owner_addresses(organisation.municipality),
        _("%(name)s asks to be listed in the directory") % {"name": organisation.name},
        _("%(name)s has asked for an account. Approve or reject the request here: %(url)s")
        % {"name": organisation.name, "url": url},
    )
    return organisation


@transaction.atomic
def organisation_approve(*, organisation, url=""):
    """Approve the organisation: it is listed at once, and its representatives can log in."""
    organisation.status = OrganisationStatus.APPROVED
    organisation.rejection_reason = ""
    organisation.approved_at = timezone.now()
    save_valid(organisation, update_fields=["status", "rejection_reason", "approved_at"])
    organisation.representatives.filter(is_active=False).update(is_active=True)
    _mail(
        _representative_addresses(organisation),
        _("%(name)s is now in the directory") % {"name": organisation.name},
        _("The municipality has approved %(name)s. Log in to keep the profile current and publish activities: %(url)s")
        % {"name": organisation.name, "url": url},
    )
    return organisation


@transaction.atomic
def organisation_reject(*, organisation, reason):
    organisation.status = OrganisationStatus.REJECTED
    organisation.rejection_reason = reason
    save_valid(organisation, update_fields=["status", "rejection_reason"])
    _mail(
        _representative_addresses(organisation),
        _("%(name)s was not approved") % {"name": organisation.name},
        _("The municipality did not approve %(name)s for the directory:\n\n%(reason)s")
        % {"name": organisation.name, "reason": reason},
    )
    return organisation


def organisation_hide(*, organisation, reason):
    """The municipality hides a listing, stating why; the organisation keeps its profile."""
    organisation.hidden_reason = reason
    return save_valid(organisation, update_fields=["hidden_reason"])


def organisation_show(*, organisation):
    organisation.hidden_reason = ""
    return save_valid(organisation, update_fields=["hidden_reason"])


def invitation_path(user):
    return reverse(
        "organisations:accept_invitation",
        kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": default_token_generator.make_token(user)},
    )


@transaction.atomic
def organisation_invite(*, municipality, name, email, person_name="", base_url=""):
    """The municipality lists an organisation itself and invites its representative, who
    chooses a password through the link in the e-mail. An existing account is reused."""
    organisation = save_valid(Organisation(municipality=municipality, name=name, approved_at=timezone.now()))
    User = get_user_model()
    user = User.objects.filter(email__iexact=email).first() or User.objects.filter(username__iexact=email).first()
    if user is None:
        user = User(username=email, email=email, name=person_name)
        user.set_unusable_password()
        save_valid(user)
    organisation.representatives.add(user)
    link = base_url + (invitation_path(user) if not user.has_usable_password() else reverse("portal:login"))
    _mail(
        [user.email],
        _("You are invited to keep %(name)s's profile in the directory") % {"name": name},
        _("%(municipality)s has listed %(name)s in the directory and invites you to keep its profile current and "
          "publish its activities. Start here: %(link)s") % {"municipality": municipality, "name": name, "link": link},
    )
    return organisation


def organisation_data(*, organisation):
    """Everything the portal holds about the organisation, for its representatives to download."""
    fields = [
        "name", "slug", "cvr", "kind", "purpose", "address", "postal_code", "city", "email", "phone", "website",
        "contact_person", "contact_email", "contact_phone", "contact_consent", "contact_consent_at",
        "members_count", "volunteers_count", "on_volunteer_council", "is_listed", "hidden_reason", "status",
        "rejection_reason", "approved_at", "created_at", "updated_at",
    ]  # fmt: skip
    data = {name: getattr(organisation, name) for name in fields}
    data["municipality"] = organisation.municipality.name
    data["target_groups"] = [term.name for term in organisation.target_groups.all()]
    data["fields_of_activity"] = [term.name for term in organisation.fields_of_activity.all()]
    data["districts"] = [term.name for term in organisation.districts.all()]
    data["representatives"] = [
        {"name": user.get_full_name(), "username": user.username, "email": user.email}
        for user in organisation.representatives.all()
    ]
    data["activities"] = [
        {
            "title": activity.title,
            "description": activity.description,
            "starts_at": activity.starts_at,
            "ends_at": activity.ends_at,
            "place": activity.place,
            "target_groups": [term.name for term in activity.target_groups.all()],
            "repeats_weekly": activity.repeats_weekly,
            "repeat_until": activity.repeat_until,
            "signup_required": activity.signup_required,
            "signup_url": activity.signup_url,
            "created_at": activity.created_at,
            "updated_at": activity.updated_at,
        }
        for activity in organisation.activities.prefetch_related("target_groups")
    ]
    data["deletion_requests"] = [
        {"requested_at": r.requested_at, "reason": r.reason, "status": r.status, "note": r.note}
        for r in organisation.deletion_requests.all()
    ]
    return data


@transaction.atomic
def deletion_request_create(*, organisation, requested_by, reason="", url=""):
    request = save_valid(
        DeletionRequest(
            municipality=organisation.municipality,
            organisation=organisation,
            organisation_name=organisation.name,
            requested_by=requested_by,
            reason=reason,
        )
    )
    _mail(
        _policy_owner_addresses(organisation.municipality),
        _("%(name)s asks you to delete its data") % {"name": organisation.name},
        _("Handle the request here: %(url)s") % {"url": url},
    )
    return request


@transaction.atomic
def deletion_request_carry_out(*, request, handled_by, note=""):
    """Delete the organisation, its activities and its vocabulary links; the request stays,
    with the name, as the record that it was carried out."""
    organisation = request.organisation
    addresses = list(_representative_addresses(organisation)) if organisation else []
    request.status = DeletionRequestStatus.CARRIED_OUT
    request.handled_by, request.handled_at, request.note = handled_by, timezone.now(), note
    save_valid(request)
    if organisation is not None:
        organisation.delete()
    _mail(
        addresses,
        _("The data about %(name)s has been deleted") % {"name": request.organisation_name},
        note or _("The municipality has deleted the data held about %(name)s.") % {"name": request.organisation_name},
    )
    return request


@transaction.atomic
def deletion_request_decline(*, request, handled_by, note):
    request.status = DeletionRequestStatus.DECLINED
    request.handled_by, request.handled_at, request.note = handled_by, timezone.now(), note
    save_valid(request)
    if request.organisation:
        _mail(
            _representative_addresses(request.organisation),
            _("Your deletion request for %(name)s") % {"name": request.organisation_name},
            note,
        )
    return request


def organisations_import(*, municipality, rows, dry_run=False):
    """Import ``rows`` (from ``imports.read_table``) into ``municipality``'s directory.

    Every row is judged by the model's rules, and every refusal is reported with its line;
    the rows are saved in one transaction that is rolled back if any row was refused (or
    for a dry run), so a file is imported whole or not at all."""
    from organisations.imports import ImportReport, RefusedRow, build_organisation, error_lines

    vocabulary = {
        "target_groups": {t.name.lower(): t for t in municipality.target_groups.all()},
        "fields_of_activity": {t.name.lower(): t for t in municipality.fields_of_activity.all()},
        "districts": {t.name.lower(): t for t in municipality.districts.all()},
    }
    report = ImportReport(rows=len(rows), dry_run=dry_run)
    with transaction.atomic():
        for line, data in rows:
            try:
                organisation, terms = build_organisation(municipality, data, vocabulary)
            except ValidationError as error:
                report.refused.append(RefusedRow(line=line, name=data.get("name", ""), errors=error_lines(error)))
                continue
            organisation.approved_at = timezone.now()
            organisation.save()
            for relation, chosen in terms.items():
                getattr(organisation, relation).set(chosen)
            report.created.append(organisation.name)
        if not report.imported:
            transaction.set_rollback(True)
    return report
