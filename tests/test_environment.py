"""Guards for CI: when it asks for PostgreSQL and the browser, the suite must really use
them, so a misconfigured run fails instead of passing on SQLite or skipping."""

import os

import pytest
from django.db import connection


@pytest.mark.skipif(os.environ.get("REQUIRE_POSTGRES") != "1", reason="REQUIRE_POSTGRES unset")
def test_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"


@pytest.mark.skipif(os.environ.get("REQUIRE_BROWSER") != "1", reason="REQUIRE_BROWSER unset")
def test_browser_tests_are_switched_on():
    assert os.environ.get("THIDUA_BROWSER_TESTS") == "1"
