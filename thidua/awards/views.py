"""Pages of the commendation catalogue: read by everyone signed in, corrected by the site
administrator (403 for anyone else), every correction audited (services)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from thidua.audit.services import snapshot
from thidua.awards import forms, selectors, services
from thidua.awards.models import BaseSalary, ProcessingLimit
from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only, read_only


def _admin(request) -> None:
    if not request.user.is_superuser:
        raise PermissionDenied("Chỉ quản trị hệ thống được sửa danh mục khen thưởng.")


@read_only
@login_required
def catalogue(request):
    """The titles and forms as their rules stand on a date (today unless asked), with
    the reward in đồng at the base salary then in force."""
    filters = forms.CatalogueFilter(request.GET or None)
    data = filters.cleaned_data if filters.is_valid() else {}
    on = data.get("ngay") or timezone.localdate()
    salary = selectors.base_salary_on(on)
    awards = selectors.catalogue(on, category=data.get("nhom", ""))
    for award in awards:
        award.amount = selectors.reward_amount(award.rule, salary)
    context = {"filters": filters, "on": on, "salary": salary, "awards": awards}
    return render(request, "awards/catalogue.html", context)


@read_only
@login_required
def award_detail(request, code: str):
    award = selectors.get_award(code)
    context = {"award": award, "rules": award.rules.order_by("-valid_from"),
               "authorities": award.authorities.order_by("-valid_from", "issuer_kind")}  # fmt: skip
    return render(request, "awards/award_detail.html", context)


def _form_page(request, form, *, title: str, back: str, save):
    """Show `form`; on a valid POST run `save(form)` and go `back`."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu. Thay đổi được ghi vào nhật ký.")
            return redirect(back)
    return render(request, "awards/form.html", {"form": form, "title": title, "back": back})


@form_view
@login_required
def rule_edit(request, code: str, pk: int):
    _admin(request)
    award = selectors.get_award(code)
    rule = get_object_or_404(award.rules, pk=pk)
    before = snapshot(rule, services.RULE_FIELDS)
    form = forms.RuleForm(request.POST or None, instance=rule)
    return _form_page(request, form, title=f"Sửa quy định: {rule}", back=award_url(award),
                      save=lambda f: services.save_rule(actor=request.user, rule=f.instance,
                                                        before=before))  # fmt: skip


@form_view
@login_required
def rule_add(request, code: str):
    _admin(request)
    award = selectors.get_award(code)
    form = forms.NewRuleForm(request.POST or None)

    def save(f):
        fields = {k: v for k, v in f.cleaned_data.items() if k != "valid_from"}
        services.add_rule_version(actor=request.user, award=award,
                                  valid_from=f.cleaned_data["valid_from"], **fields)  # fmt: skip

    return _form_page(request, form, title=f"Quy định mới: {award}", back=award_url(award),
                      save=save)  # fmt: skip


@form_view
@login_required
def authority_edit(request, code: str, pk: int | None = None):
    _admin(request)
    award = selectors.get_award(code)
    authority = get_object_or_404(award.authorities, pk=pk) if pk else None
    before = snapshot(authority, services.AUTHORITY_FIELDS) if authority else None
    form = forms.AuthorityForm(request.POST or None, instance=authority)
    form.instance.award = award

    def save(f):
        services.save_authority(actor=request.user, authority=f.instance, before=before)

    title = f"{'Sửa' if authority else 'Thêm'} thẩm quyền: {award}"
    return _form_page(request, form, title=title, back=award_url(award), save=save)


@post_only
@login_required
def authority_delete(request, code: str, pk: int):
    _admin(request)
    award = selectors.get_award(code)
    services.delete_authority(actor=request.user,
                              authority=get_object_or_404(award.authorities, pk=pk))  # fmt: skip
    messages.success(request, "Đã xóa thẩm quyền. Thay đổi được ghi vào nhật ký.")
    return redirect(award_url(award))


@read_only
@login_required
def base_salary_list(request):
    return render(request, "awards/base_salaries.html", {"rows": selectors.base_salaries()})


@form_view
@login_required
def base_salary_edit(request, pk: int | None = None):
    _admin(request)
    salary = get_object_or_404(BaseSalary, pk=pk) if pk else None
    before = snapshot(salary, services.SALARY_FIELDS) if salary else None
    form = forms.BaseSalaryForm(request.POST or None, instance=salary)

    def save(f):
        services.save_base_salary(actor=request.user, salary=f.instance, before=before)

    title = "Sửa mức lương cơ sở" if salary else "Thêm mức lương cơ sở"
    return _form_page(request, form, title=title, back="awards:base_salaries", save=save)


@read_only
@login_required
def limit_list(request):
    rows = ProcessingLimit.objects.order_by("level", "-valid_from")
    return render(request, "awards/limits.html", {"rows": rows})


@form_view
@login_required
def limit_edit(request, pk: int | None = None):
    _admin(request)
    limit = get_object_or_404(ProcessingLimit, pk=pk) if pk else None
    before = snapshot(limit, services.LIMIT_FIELDS) if limit else None
    form = forms.ProcessingLimitForm(request.POST or None, instance=limit)

    def save(f):
        services.save_limit(actor=request.user, limit=f.instance, before=before)

    title = "Sửa thời hạn xử lý" if limit else "Thêm thời hạn xử lý"
    return _form_page(request, form, title=title, back="awards:limits", save=save)


def award_url(award) -> str:
    return reverse("awards:detail", args=[award.code])
