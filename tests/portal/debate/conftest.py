"""Two municipalities' debates: Copenhagen shows posts at once and moderates afterwards, Vesthimmerland
approves them first. Each has its policy owner (a moderator); Copenhagen also names a moderator.
Citizens who may post, one who has not confirmed their address, and a caseworker with no part in the
debate."""

from types import SimpleNamespace

import pytest

from policies.models import Municipality
from tests.organisations.postgresql import postgresql  # noqa: F401  (a fixture for the PostgreSQL tests)
from tests.portal.debate.factories import (
    DebateModeratorFactory,
    MunicipalityFactory,
    ParticipantFactory,
    PolicyPointFactory,
    TopicFactory,
    UserFactory,
    VolunteerPolicyFactory,
)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def known_limits(settings):
    """The defaults, stated here, so that the boundaries the tests check do not move with them."""
    settings.DEBATE_POSTS_PER_WINDOW = 5
    settings.DEBATE_RATE_WINDOW_MINUTES = 10
    settings.DEBATE_MIN_SECONDS_BETWEEN_POSTS = 30
    settings.DEBATE_EDIT_MINUTES = 15
    settings.DEBATE_CONFIRMATION_DAYS = 3


@pytest.fixture
def copenhagen(db):
    municipality = MunicipalityFactory(
        name="Københavns Kommune", slug="koebenhavn", debate_moderation=Municipality.DebateModeration.AFTER
    )
    policy = VolunteerPolicyFactory(municipality=municipality, title="Københavns frivillighedspolitik", slug="kk-2006")
    owner = ParticipantFactory(username="ejer", display_name="Økonomiforvaltningen")
    municipality.policy_owners.add(owner)
    moderator = DebateModeratorFactory(municipality=municipality, user__username="moderator").user
    return SimpleNamespace(
        municipality=municipality,
        policy=policy,
        point=PolicyPointFactory(policy=policy, number=3, title="Borgerinddragelse"),
        owner=owner,
        moderator=moderator,
    )


@pytest.fixture
def vesthimmerland(db):
    municipality = MunicipalityFactory(
        name="Vesthimmerlands Kommune", slug="vesthimmerland", debate_moderation=Municipality.DebateModeration.BEFORE
    )
    policy = VolunteerPolicyFactory(municipality=municipality, title="Frivilligpolitik i Vesthimmerland", slug="vhm-2007")
    owner = ParticipantFactory(username="vhm", display_name="Vesthimmerlands Kommune")
    municipality.policy_owners.add(owner)
    return SimpleNamespace(
        municipality=municipality,
        policy=policy,
        point=PolicyPointFactory(policy=policy, number=1, title="Samarbejdet"),
        owner=owner,
    )


@pytest.fixture
def citizen(db):
    return ParticipantFactory(username="borger", display_name="Bo på Nørrebro", email="bo@example.org")


@pytest.fixture
def other_citizen(db):
    return ParticipantFactory(username="anden", display_name="Anne i Valby")


@pytest.fixture
def unconfirmed(db):
    return ParticipantFactory(username="ny", display_name="Ny Deltager", confirmed_email="")


@pytest.fixture
def caseworker(db):
    """Signed in, with no part in the debate: no display name, no confirmed address, moderates nothing."""
    return UserFactory(username="sof")


@pytest.fixture
def topic(copenhagen, citizen):
    return TopicFactory(municipality=copenhagen.municipality, author=citizen, title="Flere unge frivillige")
