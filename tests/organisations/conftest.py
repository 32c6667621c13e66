import pytest

from tests.organisations.factories import MunicipalityFactory, UserFactory
from tests.organisations.postgresql import postgresql  # noqa: F401  (a fixture for the PostgreSQL tests)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """These tests create many users; the real hasher is slow on purpose, and tested elsewhere."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def copenhagen(db):
    return MunicipalityFactory(name="Københavns Kommune", slug="koebenhavn")


@pytest.fixture
def vesthimmerland(db):
    return MunicipalityFactory(name="Vesthimmerlands Kommune", slug="vesthimmerland")


@pytest.fixture
def policy_owner(copenhagen):
    owner = UserFactory(username="ejer", name="Politikejer")
    copenhagen.policy_owners.add(owner)
    return owner
