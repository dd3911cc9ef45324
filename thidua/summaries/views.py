"""The summary reports' pages (/bao-cao-tong-ket/): the reports of the scope and a new one
for a unit and period; a report's page with its figures (each table also as Excel), its
written parts to draft, and the Word report. Officers of the unit write; others read."""

from operator import itemgetter

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only
from thidua.core.jobs import FINISHED, JobState, check_alive
from thidua.core.pagination import paginate
from thidua.documents.frame import file_name
from thidua.documents.reports import Column, Report, Table, table_bytes
from thidua.documents.response import attachment, stored_file
from thidua.summaries import figures, selectors, services
from thidua.summaries.forms import NewReportForm, TextsForm
from thidua.summaries.report_docx import cell_text, commendation_sentence, title_of
from thidua.units.scope import is_officer


@form_view
@login_required
def report_list(request):
    form = NewReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = services.create_report(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(report)
    reports = selectors.visible_reports(request.user).order_by("-period_end", "unit__sort_name",
                                                               "pk")  # fmt: skip
    context = {"form": form, "page": paginate(request, reports)}
    return render(request, "summaries/list.html", context, status=400 if form.errors else 200)


@form_view
@login_required
def report_detail(request, pk: int):
    report = selectors.get_report_for(request.user, pk)
    can_edit = is_officer(request.user, report.unit)
    form = TextsForm(request.POST or None, initial={n: getattr(report, n)
                                                   for n in services.TEXT_FIELDS})  # fmt: skip
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Chỉ cán bộ của đơn vị được soạn báo cáo.")
        if form.is_valid():
            services.save_texts(actor=request.user, report=report, texts=form.cleaned_data)
            messages.success(request, "Đã lưu dự thảo báo cáo.")
            return redirect(report)
    found = figures.all_figures(report.unit, report.period_start, report.period_end)
    shown = [(f, [[cell_text(v) for v in row] for row in f.rows]) for f in found]
    context = {"report": report, "title": title_of(report), "form": form, "figures": shown,
               "can_edit": can_edit, "commendation": commendation_sentence(found[-1])}  # fmt: skip
    return render(request, "summaries/detail.html", context, status=400 if form.errors else 200)


@post_only
@login_required
def report_word(request, pk: int):
    """Write the Word file in the background (the unit's officers: a province's counts are
    heavy); its page shows the progress. A job still under way is followed, not doubled."""
    report = selectors.get_report_for(request.user, pk)
    if not is_officer(request.user, report.unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị được tạo bản Word của báo cáo.")
    job = report.jobs.exclude(state__in=FINISHED).first() or services.start_word(
        actor=request.user, report=report
    )
    return redirect("summaries:word_job", pk=report.pk, job_pk=job.pk)


@read_only
@login_required
def word_job(request, pk: int, job_pk: int):
    """The Word file's progress (polled until done), then its download."""
    report = selectors.get_report_for(request.user, pk)
    job = get_object_or_404(report.jobs, pk=job_pk)
    if request.GET.get("tai") and job.state == JobState.DONE:
        name = file_name("Báo cáo tổng kết", f"{report.period_start}-{report.period_end}",
                         report.unit.name, extension="docx")  # fmt: skip
        return stored_file(job.file, name)
    check_alive(job)
    return render(request, "summaries/job.html", {"report": report, "job": job})


@read_only
@login_required
def report_table(request, pk: int, key: str):
    """One table of the report as Excel, with the unit's heading."""
    report = selectors.get_report_for(request.user, pk)
    found = {f.key: f for f in figures.all_figures(report.unit, report.period_start,
                                                   report.period_end)}  # fmt: skip
    if key not in found:
        raise Http404
    title = f"{found[key].title} giai đoạn {report.period_start}–{report.period_end}"
    return figure_xlsx(found[key], title, report.unit)


def figure_xlsx(figure, title: str, unit):
    """One figure as an Excel file, with the unit's heading."""
    columns = tuple(Column(header, 18 if n else 40, itemgetter(n))
                    for n, header in enumerate(figure.headers))  # fmt: skip
    table = Table(report=Report(title=title, columns=columns), rows=figure.rows,
                  size=len(figure.rows), issuer=unit)  # fmt: skip
    return attachment(*table_bytes(table, "xlsx"))
