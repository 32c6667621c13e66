"""The volunteer policy, its points, the administrations that owe plans, the plans
themselves with their actions, the follow-ups on them, the hearings of the bodies the
municipality consults, and the meetings and conferences that keep the dialogue.

Every rule the source documents set lives here: in ``clean()`` (so forms, the admin
and imports show it on the field) and, where the database can state it, again as a
constraint. Due dates are derived from the policy's adoption and stored on save so
that querysets can filter and order on them.

The models live in one module per subject; every public name is imported here, so that
``from policies.models import X`` works for all of them.
"""

from policies.models.base import RemembersLoadedValues, VersionedModel
from policies.models.follow_ups import ActionStatusReport, FollowUp, FollowUpQuerySet, FollowUpStatus
from policies.models.hearings import (
    DOCUMENT_TYPES,
    PUBLISHED_HEARING_STATUSES,
    Hearing,
    HearingDocument,
    HearingExtension,
    HearingQuerySet,
    HearingResponse,
    HearingResponseQuerySet,
    HearingStatus,
    HearingSubscription,
    HearingSubscriptionQuerySet,
    ResponseStatus,
    document_kind,
    validate_hearing_document,
)
from policies.models.meetings import (
    CONFIRMATION_HOLD,
    PUBLISHED_MEETING_STATUSES,
    DialogueYear,
    Meeting,
    MeetingAction,
    MeetingActionQuerySet,
    MeetingDocument,
    MeetingKind,
    MeetingQuerySet,
    MeetingSignup,
    MeetingSignupQuerySet,
    MeetingStatus,
    SignupRule,
    SignupStatus,
    dialogue_meetings_in,
    dialogue_record,
    first_dialogue_year,
    organisers_for,
    policy_points_for,
    rule_municipalities,
)
from policies.models.municipality import (
    Administration,
    BodyMembership,
    BodyMembershipQuerySet,
    ConsultedBody,
    Municipality,
)
from policies.models.plans import (
    LOCKED_PLAN_STATUSES,
    OUTSTANDING_PLAN_STATUSES,
    PUBLISHED_PLAN_STATUSES,
    Action,
    ActionStatus,
    ImplementationPlan,
    ImplementationPlanQuerySet,
    PlanStatus,
    PointExemption,
)
from policies.models.policy import PolicyPoint, PolicyStatus, VolunteerPolicy, VolunteerPolicyQuerySet

__all__ = [
    "CONFIRMATION_HOLD",
    "DOCUMENT_TYPES",
    "LOCKED_PLAN_STATUSES",
    "OUTSTANDING_PLAN_STATUSES",
    "PUBLISHED_HEARING_STATUSES",
    "PUBLISHED_MEETING_STATUSES",
    "PUBLISHED_PLAN_STATUSES",
    "Action",
    "ActionStatus",
    "ActionStatusReport",
    "Administration",
    "BodyMembership",
    "BodyMembershipQuerySet",
    "ConsultedBody",
    "DialogueYear",
    "FollowUp",
    "FollowUpQuerySet",
    "FollowUpStatus",
    "Hearing",
    "HearingDocument",
    "HearingExtension",
    "HearingQuerySet",
    "HearingResponse",
    "HearingResponseQuerySet",
    "HearingStatus",
    "HearingSubscription",
    "HearingSubscriptionQuerySet",
    "ImplementationPlan",
    "ImplementationPlanQuerySet",
    "Meeting",
    "MeetingAction",
    "MeetingActionQuerySet",
    "MeetingDocument",
    "MeetingKind",
    "MeetingQuerySet",
    "MeetingSignup",
    "MeetingSignupQuerySet",
    "MeetingStatus",
    "Municipality",
    "PlanStatus",
    "PointExemption",
    "PolicyPoint",
    "PolicyStatus",
    "RemembersLoadedValues",
    "ResponseStatus",
    "SignupRule",
    "SignupStatus",
    "VersionedModel",
    "VolunteerPolicy",
    "VolunteerPolicyQuerySet",
    "dialogue_meetings_in",
    "dialogue_record",
    "document_kind",
    "first_dialogue_year",
    "organisers_for",
    "policy_points_for",
    "rule_municipalities",
    "validate_hearing_document",
]
