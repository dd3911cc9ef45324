import logging

from django.conf import settings
from django.db import DataError, IntegrityError
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect

from thidua.core.views import conflict, value_out_of_range

logger = logging.getLogger(__name__)


class HtmxLoginRedirectMiddleware:
    """When a session expires during an htmx request, the login redirect would be swapped
    into the page as a fragment; send the browser to the login page instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        login_url = resolve_url(settings.LOGIN_URL)
        if (
            getattr(request, "htmx", False)
            and response.status_code == 302
            and response.get("Location", "").startswith(login_url)
        ):
            return HttpResponseClientRedirect(response["Location"])
        return response


class DatabaseInputErrorMiddleware:
    """The last safety net behind form validation: a value the database refuses (a number
    out of range, a race on a unique key between two officers) becomes a Vietnamese page
    with status 400 or 409, never a 500. Services validate first; this catches only what
    slips between the check and the write."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError):
            logger.warning("Integrity error on %s: %s", request.path, exception)
            return conflict(request)
        if isinstance(exception, DataError | OverflowError):
            logger.warning("Value refused on %s: %s", request.path, exception)
            return value_out_of_range(request)
        return None
