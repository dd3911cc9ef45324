"""The dashboard of the user's units, and the audit trail of their subtrees."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.accounts.selectors import roles_of
from thidua.core.http import read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.home.selectors import events_for
from thidua.units.selectors import current_kind_counts, scope_root_units, visible_groups

TARGET_TYPES = [
    ("units.unit", "Đơn vị"),
    ("units.emulationgroup", "Cụm, khối thi đua"),
    ("units.groupmembership", "Thành viên cụm, khối"),
    ("accounts.unitrole", "Phân quyền"),
    ("plans.plan", "Kế hoạch"),
    ("plans.milestone", "Mốc tiến độ"),
    ("plans.conferenceruleset", "Quy định tổ chức hội nghị"),
    ("plans.obligation", "Nghĩa vụ thực hiện"),
    ("conferences.conference", "Hội nghị"),
    ("conferences.delegate", "Đại biểu"),
]


@read_only
@login_required
def event_list(request):
    target_type = request.GET.get("type", "")
    if target_type not in dict(TARGET_TYPES):
        target_type = ""
    events = events_for(request.user, target_type=target_type, target_id=request.GET.get("id", ""))
    context = {
        "page": paginate(request, events), "query": query_without_page(request),
        "types": TARGET_TYPES, "type": target_type,
    }  # fmt: skip
    return render(request, "home/event_list.html", context)


@read_only
@login_required
def home(request):
    """The dashboard of the user's units: what is in their subtree, and what changed."""
    context = {
        "roles": roles_of(request.user),
        "roots": scope_root_units(request.user)[:20],
        "unit_counts": current_kind_counts(request.user),
        "group_count": visible_groups(request.user).count(),
        "events": events_for(request.user)[:10],
        "notices": request.user.notices.filter(read_at__isnull=True).order_by("-created_at")[:10],
    }
    return render(request, "home/home.html", context)
