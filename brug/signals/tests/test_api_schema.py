"""Schema-driven test of the signals API (schemathesis over the OpenAPI description).

Every generated request (valid and invalid bodies, odd ids) must get no server error, a status,
content type and body the description allows, invalid data must be refused, and every 4xx is a
problem-details body.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from brug.core.models import Membership
from brug.signals.services import issue_token

# A body over 64 kB is refused with 413 before it is read: that is a rejection of invalid data too,
# but not in schemathesis' default list of rejection statuses (generated bodies reach that size now and then).
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {
        "checks": {
            "negative_data_rejection": {
                "expected-statuses": [400, 401, 403, 404, 405, 406, 409, 413, 415, 422, 428, 429, "5xx"]
            }
        }
    }
)
schema = schemathesis.openapi.from_wsgi("/api/signalen/openapi.json", get_wsgi_application(), config=CONFIG)


@pytest.fixture(autouse=True)
def _keep_the_test_transaction():  # type: ignore[no-untyped-def]
    # The raw WSGI app closes "obsolete" connections at every request; inside a test transaction
    # (autocommit off) that would drop it on PostgreSQL. Django's test client does the same.
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(tenancy) -> str:
    membership = Membership.objects.get(user=tenancy.coordinator, organisation=tenancy.org)
    return issue_token(membership=membership, name="Schemathesis")[1]


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_keeps_its_description(case, token):
    # Excluded: "valid data must be accepted". A wijk the municipality does not have, a moment in
    # the future or a text of only spaces are refused with 400 although the schema cannot say so.
    response = case.call_and_validate(
        headers={"Authorization": f"Bearer {token}"}, excluded_checks=[positive_data_acceptance]
    )
    if 400 <= response.status_code < 500:
        headers = {k.lower(): v for k, v in response.headers.items()}
        content_type = headers["content-type"]
        content_type = content_type[0] if isinstance(content_type, list) else content_type
        assert content_type.startswith("application/problem+json"), content_type
        body = response.json()
        assert body["status"] == response.status_code and body["detail"]
