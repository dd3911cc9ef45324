"""Which HTTP methods a view answers, stated on the view itself.

Every function view of the site wears exactly one of these decorators. Each applies
Django's own method check (405 for any other method) and records the methods on the view as
`allowed_methods`, so a test can walk the URL patterns and find a view that reads but
accepts POST, or one that states nothing at all. `functools.wraps` in the decorators below
them (login_required) carries the attribute whichever order they are stacked in.
"""

from django.conf import settings
from django.views.decorators.http import require_http_methods, require_POST, require_safe

ALLOWED_METHODS = "allowed_methods"


def _stating(methods: frozenset[str], django_decorator):
    def decorator(view):
        checked = django_decorator(view)
        setattr(checked, ALLOWED_METHODS, methods)
        return checked

    return decorator


# A page or a download that changes nothing: GET and HEAD only.
read_only = _stating(frozenset({"GET", "HEAD"}), require_safe)
# A page that shows a form (GET) and accepts it (POST).
form_view = _stating(
    frozenset({"GET", "HEAD", "POST"}), require_http_methods(["GET", "HEAD", "POST"])
)
# An action sent from a form on another page: POST only.
post_only = _stating(frozenset({"POST"}), require_POST)


def client_address(request) -> str | None:
    """The client's address. Behind the TLS proxy every connection comes from the proxy,
    which overwrites X-Real-IP with the client's (README, "The proxy"); without one, a
    client could write that header itself, so only the connection's address counts."""
    if settings.BEHIND_PROXY:
        return request.META.get("HTTP_X_REAL_IP") or request.META.get("REMOTE_ADDR")
    return request.META.get("REMOTE_ADDR")
