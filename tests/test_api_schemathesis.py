"""Property-based requests generated from the app's own OpenAPI description, with every
check schemathesis has: no 5xx, and the answers are what the description says (status
codes, content types, bodies, valid data accepted and invalid data refused).

Runs every operation of /openapi.json in process, on both backends, with a bounded
number of generated requests each.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import CHECKS, load_all_checks

from skyledger.api import create_app
from test_api_queries import sample  # noqa: F401

TOKEN = "schema-token"
EXAMPLES = 30


def all_checks() -> list:
    load_all_checks()
    return CHECKS.get_all()


@pytest.fixture(scope="module")
def api_schema(sample):  # noqa: F811
    url, _ids = sample
    app = create_app(url, token=TOKEN)
    with TestClient(app):  # startup and shutdown around the module
        yield schemathesis.openapi.from_asgi("/openapi.json", app)


def operations(schema) -> list:
    return [result.ok() for result in schema.get_all_operations()]


def test_the_description_covers_every_endpoint(api_schema):
    assert len(operations(api_schema)) == 17


@pytest.mark.slow
def test_no_server_errors(api_schema):
    for operation in operations(api_schema):

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case):
            # Ingest requests carry the token, so they get past the auth check.
            headers = (
                {"Authorization": f"Bearer {TOKEN}"} if case.method.upper() == "POST" else None
            )
            # A generous timeout: a shared machine can be slow; the API bounds its own work.
            case.call_and_validate(checks=all_checks(), headers=headers, timeout=120)

        no_server_error()
