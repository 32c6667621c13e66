import pytest

from tests import factories


@pytest.fixture
def policy(db):
    """An adopted policy with three points, like Copenhagen's (BR 754/05)."""
    policy = factories.VolunteerPolicyFactory()
    for number in (1, 2, 3):
        factories.PolicyPointFactory(policy=policy, number=number, title=f"Punkt {number}")
    return policy


@pytest.fixture
def plan(policy):
    return factories.ImplementationPlanFactory(policy=policy)


@pytest.fixture(autouse=True)
def media_in_a_temporary_folder(settings, tmp_path):
    """Uploaded files, and the demo's documents that ``load_demo`` writes, go to a folder of the test's
    own, never into the working tree's media/."""
    settings.MEDIA_ROOT = tmp_path / "media"
