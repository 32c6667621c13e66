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
