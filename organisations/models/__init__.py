"""Volunteer organisations, the vocabularies each municipality keeps to describe them,
their activities in the shared calendar, the requests they make of the municipality, and the
premises they book.

Organised and unorganised volunteers alike (seed 003, footnote 1): a CVR number is
never required, and an informal group is as welcome in the directory as an association.

The models live in one module per subject; every public name is imported here, so that
``from organisations.models import X`` works for all of them (migrations included).
"""

from organisations.models.base import (
    CVR_WEIGHTS,
    CVRField,
    unique_slug,
    validate_cvr,
    validate_phone,
    validate_postal_code,
)
from organisations.models.vocabulary import (
    District,
    FieldOfActivity,
    TargetGroup,
    Vocabulary,
)
from organisations.models.organisation import (
    LISTED,
    DeletionRequest,
    DeletionRequestQuerySet,
    DeletionRequestStatus,
    Organisation,
    OrganisationKind,
    OrganisationQuerySet,
    OrganisationStatus,
    SearchWord,
    listed_condition,
    municipalities_managed_by,
    refresh_search_index,
)
from organisations.models.activities import (
    MAX_WEEKS,
    Activity,
    ActivityQuerySet,
    Occurrence,
    OccurrenceQuerySet,
)
from organisations.models.premises import (
    PHOTO_MAX_BYTES,
    PHOTO_TYPES,
    Booking,
    BookingQuerySet,
    BookingStatus,
    Equipment,
    Photo,
    Premises,
    PremisesQuerySet,
    Room,
    RoomQuerySet,
    RoomUsers,
    photo_kind,
    photo_path,
    premises_managed_by,
    validate_photo,
)

__all__ = [
    "Activity",
    "ActivityQuerySet",
    "Booking",
    "BookingQuerySet",
    "BookingStatus",
    "CVRField",
    "CVR_WEIGHTS",
    "DeletionRequest",
    "DeletionRequestQuerySet",
    "DeletionRequestStatus",
    "District",
    "Equipment",
    "FieldOfActivity",
    "LISTED",
    "MAX_WEEKS",
    "Occurrence",
    "OccurrenceQuerySet",
    "Organisation",
    "OrganisationKind",
    "OrganisationQuerySet",
    "OrganisationStatus",
    "PHOTO_MAX_BYTES",
    "PHOTO_TYPES",
    "Photo",
    "Premises",
    "PremisesQuerySet",
    "Room",
    "RoomQuerySet",
    "RoomUsers",
    "SearchWord",
    "TargetGroup",
    "Vocabulary",
    "listed_condition",
    "municipalities_managed_by",
    "photo_kind",
    "photo_path",
    "premises_managed_by",
    "refresh_search_index",
    "unique_slug",
    "validate_cvr",
    "validate_phone",
    "validate_photo",
    "validate_postal_code",
]
