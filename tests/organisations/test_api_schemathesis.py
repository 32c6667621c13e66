"""Schemathesis sends generated requests, valid and not, to every endpoint in the schema and
checks each answer against it: no server errors, documented status codes, conforming bodies."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from tests.organisations.test_api import open_data  # noqa: F401  (the published data to query)


@pytest.fixture
def wsgi_application():
    """Django's WSGI application within the test's transaction: like the test client, keep each
    request from closing the test's database connection when it finishes."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_every_endpoint_answers_as_its_schema_says(open_data, wsgi_application):  # noqa: F811
    schema = schemathesis.openapi.from_wsgi("/api/schema/", wsgi_application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 4

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_documented(case):
            case.call_and_validate()

        answers_as_documented()
