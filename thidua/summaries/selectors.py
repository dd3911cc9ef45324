from django.shortcuts import get_object_or_404

from thidua.summaries.models import SummaryReport
from thidua.units.scope import scope_for


def visible_reports(user):
    return SummaryReport.objects.filter(scope_for(user).q("unit__path")).select_related("unit")


def get_report_for(user, pk: int) -> SummaryReport:
    """A report of the user's subtree; 404 outside it (a sibling's too)."""
    return get_object_or_404(visible_reports(user), pk=pk)
