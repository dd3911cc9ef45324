"""The dashboard of the user's units, and the audit trail of their subtrees."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from thidua.accounts.selectors import roles_of
from thidua.conferences.selectors import visible_conferences
from thidua.core.forms import is_id
from thidua.core.http import read_only
from thidua.core.pagination import paginate, query_without_page
from thidua.core.search import word_filter
from thidua.exemplars.enums import Stage
from thidua.exemplars.selectors import exemplar_list, subject_list
from thidua.home.selectors import events_for
from thidua.inbox import selectors as inbox
from thidua.movements.selectors import visible_movements
from thidua.plans.selectors import visible_plans
from thidua.units.selectors import (
    attach_lineage,
    clean_query,
    current_kind_counts,
    get_unit_for,
    scope_root_units,
    search_units,
    under,
    visible_groups,
)

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
    """The dashboard of the user's units: what waits for them, what is in their subtree,
    and what changed."""
    acting = inbox.acting_units(request.user)
    context = {
        "roles": roles_of(request.user),
        "roots": scope_root_units(request.user)[:20],
        "unit_counts": current_kind_counts(request.user),
        "group_count": visible_groups(request.user).count(),
        "events": events_for(request.user)[:10],
        "acting": acting,
        "inbox": inbox.summary(acting, timezone.localdate()),
    }
    return render(request, "home/home.html", context)


SHOWN = 5  # per kind: the search box answers quickly; each kind's own list shows the rest


@read_only
@login_required
def search(request):
    """One box for everything in the user's scope: units, people and collectives,
    exemplars, plans and conferences whose names hold every word typed (no diacritics
    needed; a typo is forgiven for people and exemplars)."""
    q = clean_query(request.GET.get("q", ""))
    sections = []
    if q:
        user = request.user
        found = [
            ("Đơn vị", "units:search", search_units(user, q=q, current_only=True)),
            ("Cá nhân, tập thể", "exemplars:subject_list", subject_list(user, q=q)),
            ("Điển hình", "exemplars:list", exemplar_list(user, q=q)),
            ("Kế hoạch", "plans:list",
             word_filter(visible_plans(user), "search_text", q).order_by("-created_at")),
            ("Hội nghị", "conferences:list",
             word_filter(visible_conferences(user), "search_name", q).order_by("-period_start")),
        ]  # fmt: skip
        sections = [(title, url, list(rows[: SHOWN + 1])) for title, url, rows in found]
    context = {"q": q, "sections": sections, "shown": SHOWN}
    return render(request, "home/search.html", context)


SUGGESTIONS = 20


def _exemplars(user, q, within, params):
    rows = exemplar_list(user, q=q).exclude(stage__in=[Stage.DECLINED, Stage.WITHDRAWN])
    rows = rows.filter(under(within)) if within else rows
    return [(e.pk, f"{e.subject.name} – {e.title}", e.unit.name) for e in rows[:SUGGESTIONS]]


def _subjects(user, q, within, params):
    rows = subject_list(user, q=q)
    rows = rows.filter(under(within)) if within else rows
    return [(s.pk, str(s), s.unit.name) for s in rows[:SUGGESTIONS]]


def _units(user, q, within, params):
    rows = search_units(user, q=q, current_only=True).exclude(
        kind__in=params.get("khong", "").split(",")
    )
    rows = rows.filter(path__startswith=within.path) if within else rows
    rows = attach_lineage(list(rows[:SUGGESTIONS]))
    return [(u.pk, u.name, " › ".join(reversed(u.lineage))) for u in rows]


def _movements(user, q, within, params):
    rows = word_filter(visible_movements(user), "search_name", q).select_related("launched_by")
    return [
        (m.pk, str(m), m.launched_by.name) for m in rows.order_by("-starts_on", "pk")[:SUGGESTIONS]
    ]


CHOOSERS = {"dien-hinh": _exemplars, "ca-nhan": _subjects, "don-vi": _units,
            "phong-trao": _movements}  # fmt: skip


@read_only
@login_required
def chooser(request, kind: str):
    """The first matches of what an officer types in a search-as-you-type choice
    (core.forms.SearchChoice), in the user's scope and under the unit the page names."""
    if kind not in CHOOSERS:
        raise Http404
    name = request.GET.get("ten", "")
    q = clean_query(request.GET.get(f"{name}__tim", "") or request.GET.get("q", ""))
    within = request.GET.get("trong", "")
    within = get_unit_for(request.user, within) if is_id(within) else None
    rows = CHOOSERS[kind](request.user, q, within, request.GET) if q else []
    return render(request, "home/choices.html", {"rows": rows, "q": q})
