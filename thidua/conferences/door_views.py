"""At the door and around it: check-in by QR with a live count, quotas of delegates to the
upper level with the roll-up, and the brief-profile list (danh sách trích ngang)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from thidua.conferences import allotment, printing, selectors
from thidua.conferences import delegates as delegate_services
from thidua.conferences.forms import AllotForm, QuotaForm
from thidua.conferences.models import Conference, Delegate, PrintJob
from thidua.conferences.reports import BRIEF_PROFILES
from thidua.conferences.views import managed
from thidua.core.forms import apply_service_errors, message_form_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import JobState, check_alive, retry_job
from thidua.documents.reports import render_report
from thidua.documents.response import stored_file
from thidua.units.models import Unit
from thidua.units.selectors import clean_query
from thidua.workflow.engine import Refused


def _check_in(request, conference, code: str) -> None:
    try:
        delegate = delegate_services.check_in(actor=request.user, conference=conference, token=code)
    except Refused as error:
        if error.forbidden:
            raise PermissionDenied from error
        messages.error(request, " ".join(error.messages))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Đã điểm danh: {delegate.full_name}.")


@form_view
@login_required
def check_in_desk(request, pk: int):
    """The door: a scanner types the QR code, a person the short code printed under it,
    or the officer finds the delegate by name; the count updates by itself. Who may check
    people in is the delegate workflow's to say."""
    if request.method == "POST":
        conference = selectors.own_conference_for(request.user, pk)
        code = request.POST.get("code", "").strip().rstrip("/").rsplit("/", 1)[-1][:64]
        _check_in(request, conference, code)
        return redirect("conferences:check_in", pk=conference.pk)
    conference = managed(request, pk)
    q = clean_query(request.GET.get("q", ""))
    context = {"conference": conference, "attendance": selectors.attendance(conference), "q": q,
               "found": selectors.door_search(conference, q) if q else []}  # fmt: skip
    return render(request, "conferences/check_in.html", context)


@read_only
@login_required
def attendance_count(request, pk: int):
    conference = managed(request, pk)
    context = {"conference": conference, "attendance": selectors.attendance(conference)}
    return render(request, "conferences/_attendance.html", context)


@form_view
@login_required
def scanned(request, token: str):
    """Where the QR code leads: the officer's phone opens it, sees who it is, confirms."""
    delegate = get_object_or_404(Delegate.objects.select_related("conference"), token=token[:32])
    if request.method == "POST":
        conference = selectors.own_conference_for(request.user, delegate.conference_id)
        _check_in(request, conference, token)
        return redirect("conferences:check_in", pk=conference.pk)
    conference = managed(request, delegate.conference_id)
    return render(
        request, "conferences/scanned.html", {"delegate": delegate, "conference": conference}
    )


@form_view
@login_required
def quotas(request, pk: int):
    """Allot delegates to the units below, and see who has sent whom."""
    conference = managed(request, pk)
    form = QuotaForm(request.POST or None, conference_unit=conference.unit)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        try:
            count = delegate_services.set_quotas(
                actor=request.user, conference=conference, units=values.pop("unit"), **values
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu chỉ tiêu {values['number']} đại biểu cho "
                                      f"{count} đơn vị.")  # fmt: skip
            return redirect("conferences:quotas", pk=conference.pk)
    rows = selectors.rollup(conference)
    totals = {key: sum(row[key] for row in rows) for key in ("n", "women", "direct", "exemplary")}
    totals["quota"] = sum(row["quota"].number for row in rows)
    context = {"conference": conference, "form": form, "rows": rows, "totals": totals,
               "allot_form": AllotForm(conference_unit=conference.unit)}  # fmt: skip
    return render(request, "conferences/quotas.html", context)


@post_only
@login_required
def allot(request, pk: int):
    """Allot the delegates to every unit of a kind below, by a rule (allotment.py)."""
    conference = managed(request, pk)
    form = AllotForm(request.POST, conference_unit=conference.unit)
    if not form.is_valid():
        message_form_errors(request, form)
        return redirect("conferences:quotas", pk=conference.pk)
    try:
        allotted, no_data = allotment.allot_quotas(actor=request.user, conference=conference,
                                                   **form.cleaned_data)  # fmt: skip
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        given = [n for n in allotted.values() if n]
        none = len(allotted) - len(given)
        notes = [f"{no_data} đơn vị không có số liệu nên không được chia"] if no_data else []
        if none > no_data:
            notes.append(f"{none - no_data} đơn vị được 0 sau khi làm tròn")
        extra = f" ({'; '.join(notes)}; chỉ tiêu cũ của các đơn vị này đã bỏ)" if notes else ""
        messages.success(request, f"Đã phân bổ {sum(given)} đại biểu cho {len(given)} đơn vị"
                                  f"{extra}. Có thể sửa từng đơn vị bên dưới.")  # fmt: skip
    return redirect("conferences:quotas", pk=conference.pk)


@post_only
@login_required
def pull(request, pk: int, unit_pk: int):
    conference = managed(request, pk)
    unit = get_object_or_404(Unit, pk=unit_pk, delegate_quotas__conference=conference)
    try:
        copied, removed = delegate_services.pull_delegates(
            actor=request.user, conference=conference, unit=unit
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        replaced = f"; bỏ {removed} đại biểu nhận từ hội nghị trước" if removed else ""
        messages.success(
            request, f"Đã đưa {copied} đại biểu của {unit.name} vào hội nghị{replaced}."
        )
    return redirect("conferences:quotas", pk=conference.pk)


@read_only
@login_required
def brief_profiles(request, pk: int, fmt: str):
    """Danh sách trích ngang: all delegates, or (?len=1) those sent to the level above."""
    conference: Conference = selectors.own_conference_for(request.user, pk)
    upper = request.GET.get("len") == "1"
    delegates = selectors.delegate_list(conference)
    if upper:
        delegates = delegates.filter(to_upper=True)
    title = f"{BRIEF_PROFILES.title} " + (
        "dự hội nghị, đại hội cấp trên" if upper else f"dự {conference.name}"
    )
    return render_report(BRIEF_PROFILES, delegates.iterator(chunk_size=500), fmt,
                         request=request, issuer=conference.unit, title=title)  # fmt: skip


@post_only
@login_required
def print_start(request, pk: int, kind: str):
    conference = managed(request, pk)
    if kind not in dict(PrintJob.KINDS):
        raise Http404
    job = printing.start_print(actor=request.user, conference=conference, kind=kind)
    return redirect("conferences:print_job", pk=conference.pk, job_pk=job.pk)


@read_only
@login_required
def print_job(request, pk: int, job_pk: int):
    """The job's progress (polled by htmx until done), then the download."""
    conference = managed(request, pk)
    job = get_object_or_404(conference.prints, pk=job_pk)
    if request.GET.get("download") and job.state == JobState.DONE:
        return stored_file(job.file, printing.print_name(conference, job.kind))
    check_alive(job)
    return render(request, "conferences/print_job.html", {"conference": conference, "job": job})


@post_only
@login_required
def print_retry(request, pk: int, job_pk: int):
    """Render a failed print job again."""
    conference = managed(request, pk)
    job = get_object_or_404(conference.prints, pk=job_pk)
    if retry_job(job):
        messages.success(request, "Đã xếp lại vào hàng đợi.")
    return redirect("conferences:print_job", pk=conference.pk, job_pk=job.pk)
