import logging

from django.conf import settings
from django.db import DataError, IntegrityError
from django.http import QueryDict
from django.shortcuts import resolve_url
from django_htmx.http import HttpResponseClientRedirect

from thidua.core.views import conflict, nul_in_address, request_too_large, value_out_of_range

logger = logging.getLogger(__name__)

MB = 1024 * 1024
# What a view may receive at most, when it takes more than REQUEST_MAX_MB (see below).
REQUEST_MAX_MB_ATTRIBUTE = "request_max_mb"

# One fixed policy for every page. The templates have no inline script, style or event
# handler (tests/core/test_csp.py keeps it so), and nothing varies per page or per request,
# so a constant header is enough: django-csp would earn its place only with nonces or
# per-view policies. Django 6.0 brings its own (SECURE_CSP); move to it when upgrading.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",  # the Swagger UI's icons are data: URIs
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """Sends CONTENT_SECURITY_POLICY with every HTML page, so that a script slipped into a
    page (stored in a record, say) does not run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Only on HTML: Chrome shows a PDF (evidence, delivered documents) inside a page of
        # its own viewer, which this policy would blank; files and JSON run no script.
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response


def request_max_mb(limit):
    """Lets a view receive a body larger than REQUEST_MAX_MB. `limit` is a number of MB or a
    function returning one, called at each request so that it follows the settings."""

    def decorator(view):
        setattr(view, REQUEST_MAX_MB_ATTRIBUTE, limit)
        return view

    return decorator


def _content_length(request) -> int:
    # What Django's WSGIRequest does: it reads at most this many bytes, none if unparsable.
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestLimitsMiddleware:
    """Deals, before anything reads the body, with what no view of the site accepts:

    - a body larger than the view allows is refused (413): REQUEST_MAX_MB, or what the view
      declares with @request_max_mb. Django would otherwise spool a 1 GB upload to disk in
      full before the view could refuse it. It must run before CsrfViewMiddleware, whose
      process_view reads request.POST.
    - a NUL byte in the path is refused (400): PostgreSQL refuses NUL in any text, and no
      page or client sends one. In the query string, where it can only reach a filter or a
      search, it is dropped instead, so that a search for "an\\x00 phu" still finds An Phú.
      (Bodies are checked by the forms' validators and by the API's parser.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path:
            logger.warning("NUL byte in the address %r refused", request.path)
            return nul_in_address(request)
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query:  # the only way a NUL byte can be written in a query string
            request.META["QUERY_STRING"] = query = query.replace("%00", "")
            request.GET = QueryDict(query, encoding=request.encoding)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        limit_mb = getattr(view_func, REQUEST_MAX_MB_ATTRIBUTE, None) or settings.REQUEST_MAX_MB
        if callable(limit_mb):
            limit_mb = limit_mb()
        length = _content_length(request)
        if length > limit_mb * MB:
            logger.warning("Body of %d bytes to %s refused (limit %d MB)",
                           length, request.path, limit_mb)  # fmt: skip
            return request_too_large(request, limit_mb)
        return None


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
