"""The volunteer policy, its points, the administrations that owe plans, the plans
themselves with their actions, the follow-ups on them, and the hearings of the bodies the
municipality consults, among them the volunteer council elected by the organisations.

Every rule the source documents set lives here: in ``clean()`` (so forms, the admin
and imports show it on the field) and, where the database can state it, again as a
constraint. Due dates are derived from the policy's adoption and stored on save so
that querysets can filter and order on them.

The models live in one module per subject; every public name is imported here, so that
``from policies.models import X`` works for all of them.
"""

from policies.models.base import RemembersLoadedValues, VersionedModel
from policies.models.council import (
    IN_PROGRESS_ELECTION_STATUSES,
    STANDING_CANDIDATE_STATUSES,
    TIE_RULE,
    Candidate,
    CandidateQuerySet,
    CandidateStatus,
    CouncilElection,
    CouncilElectionQuerySet,
    CouncilMember,
    CouncilMemberQuerySet,
    CouncilStatutes,
    CouncilTerm,
    CouncilTermQuerySet,
    Eligibility,
    ElectionStatus,
    VolunteerCouncil,
    VolunteerCouncilQuerySet,
    VoteReceipt,
    eligible_organisations,
    ineligibility,
)
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
    "DOCUMENT_TYPES",
    "IN_PROGRESS_ELECTION_STATUSES",
    "LOCKED_PLAN_STATUSES",
    "OUTSTANDING_PLAN_STATUSES",
    "PUBLISHED_HEARING_STATUSES",
    "PUBLISHED_PLAN_STATUSES",
    "STANDING_CANDIDATE_STATUSES",
    "TIE_RULE",
    "Action",
    "ActionStatus",
    "ActionStatusReport",
    "Administration",
    "BodyMembership",
    "BodyMembershipQuerySet",
    "Candidate",
    "CandidateQuerySet",
    "CandidateStatus",
    "ConsultedBody",
    "CouncilElection",
    "CouncilElectionQuerySet",
    "CouncilMember",
    "CouncilMemberQuerySet",
    "CouncilStatutes",
    "CouncilTerm",
    "CouncilTermQuerySet",
    "Eligibility",
    "ElectionStatus",
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
    "Municipality",
    "PlanStatus",
    "PointExemption",
    "PolicyPoint",
    "PolicyStatus",
    "RemembersLoadedValues",
    "ResponseStatus",
    "VersionedModel",
    "VolunteerCouncil",
    "VolunteerCouncilQuerySet",
    "VolunteerPolicy",
    "VolunteerPolicyQuerySet",
    "VoteReceipt",
    "document_kind",
    "eligible_organisations",
    "ineligibility",
    "validate_hearing_document",
]
