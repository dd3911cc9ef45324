from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from thidua.audit.selectors import events_for
from thidua.core.http import read_only
from thidua.core.pagination import paginate, query_without_page

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
    return render(request, "audit/event_list.html", context)
