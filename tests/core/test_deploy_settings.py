"""Production settings from the environment: the README's production example passes
`check --deploy` without a warning; a guessable SECRET_KEY stops the server at start-up;
a session lasts a working day."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

MANAGE = os.path.join(settings.BASE_DIR, "manage.py")
# The README's production example (section "Production"), with a key that is plainly not one.
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "example-only-4b9f2c7e1a6d3f80c5e9b2a7d4f1c8e3b6a9d2f5c8e1",
    "ALLOWED_HOSTS": "thidua.example.gov.vn",
    "CSRF_TRUSTED_ORIGINS": "https://thidua.example.gov.vn",
    "SITE_URL": "https://thidua.example.gov.vn",
    "BEHIND_TLS_PROXY": "1",
    "HTTPS_REDIRECT": "1",
    "HSTS_SECONDS": "31536000",
    "HSTS_INCLUDE_SUBDOMAINS": "1",
    "HSTS_PRELOAD": "1",
    "TASKS_BACKEND": "database",
}


def _manage(*args, **environment):
    # Only PATH from this process: the test run's own variables must not leak in.
    env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "thidua.settings", **environment}
    return subprocess.run(  # noqa: S603 -- our own manage.py, fixed arguments
        [sys.executable, MANAGE, *args], env=env, capture_output=True, text=True,
        cwd=settings.BASE_DIR, timeout=120, check=False,
    )  # fmt: skip


def test_the_production_example_passes_check_deploy_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_without_hsts_and_redirect_check_deploy_warns():
    loose = {k: v for k, v in PRODUCTION.items() if not k.startswith(("HSTS", "HTTPS"))}

    result = _manage("check", "--deploy", "--fail-level", "WARNING", **loose)

    assert result.returncode != 0
    assert "security.W004" in result.stderr
    assert "security.W008" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "ci-only-not-secret",  # short: what CI used before
        "a" * 60,  # long, but one character
        "django-insecure-" + "4b9f2c7e1a6d3f80c5e9b2a7d4f1c8e3b6a9d2f5c8e1",  # startproject's
    ],
)
def test_a_guessable_secret_key_is_refused_at_start_up(key):
    result = _manage("check", **{**PRODUCTION, "SECRET_KEY": key})

    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is too weak" in result.stderr


def test_a_short_key_is_still_fine_for_development():
    result = _manage("check", **{**PRODUCTION, "DEBUG": "1", "SECRET_KEY": "dev"})

    assert result.returncode == 0, result.stderr


def test_a_session_lasts_a_working_day(client, officer_a):
    response = client.post(reverse("login"), {"username": "officer_a", "password": "mat-khau-thu"})

    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600
