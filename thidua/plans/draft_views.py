"""Correcting a draft plan in the browser: its facts, milestones and who owes them, its
conference rule sets and attached files. Only the issuer's officers, only while drafted
(files may be attached later too: the signed scan comes after issue)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render

from thidua.core.forms import apply_service_errors
from thidua.core.http import form_view, post_only
from thidua.plans import drafts, selectors
from thidua.plans.forms import AttachForm, MilestoneForm, OwingUnitsForm, PlanForm, RuleSetForm
from thidua.plans.rules import ConferenceRuleSet
from thidua.plans.views import higher_plans, require_draft_officer
from thidua.units.scope import is_officer
from thidua.units.selectors import visible_groups


@form_view
@login_required
def plan_edit(request, pk: int):
    plan, editable = require_draft_officer(request, pk)
    if not editable:
        return redirect(plan)
    form = PlanForm(request.POST or None, instance=plan,
                    higher_plans=higher_plans(request.user, plan.issuer))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in drafts.PLAN_FIELDS}
        try:
            drafts.update_plan(actor=request.user, plan=plan, **fields)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Đã lưu bản nháp.")
            return redirect(plan)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@form_view
@login_required
def milestone_edit(request, pk: int, milestone_pk: int | None = None):
    plan, editable = require_draft_officer(request, pk)
    if not editable:
        return redirect(plan)
    milestone = get_object_or_404(plan.milestones, pk=milestone_pk) if milestone_pk else None
    form = MilestoneForm(request.POST or None, instance=milestone)
    if request.method == "POST" and form.is_valid():
        try:
            if milestone is None:
                drafts.add_milestone(actor=request.user, plan=plan, **form.cleaned_data)
            else:
                drafts.update_milestone(actor=request.user, milestone=milestone,
                                        **form.cleaned_data)  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            return redirect(plan)
    context = {"form": form, "plan": plan, "milestone": milestone}
    return render(request, "plans/milestone_form.html", context)


@post_only
@login_required
def milestone_delete(request, pk: int, milestone_pk: int):
    plan, editable = require_draft_officer(request, pk)
    if editable:
        milestone = get_object_or_404(plan.milestones, pk=milestone_pk)
        drafts.delete_milestone(actor=request.user, milestone=milestone)
        messages.success(request, "Đã xóa mốc.")
    return redirect(plan)


@form_view
@login_required
def milestone_units(request, pk: int, milestone_pk: int):
    """Choose who owes a milestone: by level, kind, emulation group, or one by one."""
    plan, editable = require_draft_officer(request, pk)
    if not editable:
        return redirect(plan)
    milestone = get_object_or_404(plan.milestones, pk=milestone_pk)
    form = OwingUnitsForm(request.POST or None, issuer=plan.issuer,
                          groups=visible_groups(request.user))  # fmt: skip
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        units = drafts.addressed_units(plan.issuer, level=data["level"], kind=data["kind"],
                                       group=data["group"], units=form.chosen_units())  # fmt: skip
        targets = plan.milestones.all() if request.POST.get("all") else [milestone]
        for target in targets:
            drafts.set_owing_units(actor=request.user, milestone=target, units=units)
        messages.success(request, f"Đã chọn {len(units)} đơn vị thực hiện.")
        return redirect(plan)
    owing = milestone.owing_units.order_by("sort_name")
    context = {"form": form, "plan": plan, "milestone": milestone,
               "owing": owing[:100], "owing_count": owing.count()}  # fmt: skip
    return render(request, "plans/milestone_units.html", context)


@form_view
@login_required
def rule_set_edit(request, pk: int, rule_pk: int | None = None):
    plan, editable = require_draft_officer(request, pk)
    if not editable:
        return redirect(plan)
    rule_set = (
        get_object_or_404(plan.rule_sets, pk=rule_pk) if rule_pk else ConferenceRuleSet(plan=plan)
    )
    form = RuleSetForm(request.POST or None, instance=rule_set)
    if request.method == "POST" and form.is_valid():
        try:
            saved = drafts.save_rule_set(actor=request.user, rule_set=form.instance,
                                         pilot_units=form.cleaned_data["pilot_units"])  # fmt: skip
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, f"Đã lưu quy định «{saved.name}».")
            return redirect(plan)
    context = {"form": form, "plan": plan, "rule_set": rule_set}
    return render(request, "plans/rule_set_form.html", context)


@post_only
@login_required
def rule_set_delete(request, pk: int, rule_pk: int):
    plan, editable = require_draft_officer(request, pk)
    if editable:
        drafts.delete_rule_set(actor=request.user,
                               rule_set=get_object_or_404(plan.rule_sets, pk=rule_pk))  # fmt: skip
        messages.success(request, "Đã xóa quy định.")
    return redirect(plan)


@form_view
@login_required
def plan_attach(request, pk: int):
    plan = selectors.get_plan_for(request.user, pk)
    if not is_officer(request.user, plan.issuer):
        raise PermissionDenied
    form = AttachForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        drafts.attach_plan_file(actor=request.user, plan=plan, upload=form.cleaned_data["file"])
        messages.success(request, "Đã đính kèm tệp.")
        return redirect(plan)
    return render(request, "plans/attach.html", {"form": form, "plan": plan})
