"""Reads of accounts: a user's role assignments, and failed logins by address. What a user
may see and do from those roles is thidua.units.scope."""

from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt
from django.db.models import Sum
from django.utils import timezone

from thidua.accounts.models import UnitRole


def roles_of(user):
    """The user's role assignments with their units, for the dashboard and profile."""
    return UnitRole.objects.filter(user=user).select_related("unit").order_by("unit__path")


def login_failures_from_address(request) -> int:
    """Failed logins from the request's address within axes' cool-off, across all usernames,
    in one query. Axes keeps one row per username and address with its count; the address
    is read by axes' own helper so that it is the one axes recorded."""
    address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
    if not address:
        return 0
    attempts = AccessAttempt.objects.filter(ip_address=address)
    cool_off = get_cool_off(request)
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
