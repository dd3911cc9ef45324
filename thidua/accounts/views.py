from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from thidua.accounts import services
from thidua.accounts.models import ApiToken
from thidua.accounts.selectors import roles_of
from thidua.audit.selectors import events_for
from thidua.units.selectors import (
    ordered_kind_counts,
    scope_root_units,
    visible_groups,
    visible_units,
)


@login_required
def home(request):
    """The dashboard of the user's units: what is in their subtree, and what changed."""
    current = visible_units(request.user).filter(valid_to__isnull=True)
    counts = current.values("kind").annotate(total=Count("pk")).order_by()
    context = {
        "roles": roles_of(request.user),
        "roots": scope_root_units(request.user)[:20],
        "unit_counts": [(label, total) for _k, label, total in ordered_kind_counts(counts)],
        "group_count": visible_groups(request.user).count(),
        "events": events_for(request.user)[:10],
        "notices": request.user.notices.filter(read_at__isnull=True).order_by("-created_at")[:10],
    }
    return render(request, "accounts/home.html", context)


@login_required
def profile(request):
    context = {
        "roles": roles_of(request.user),
        "tokens": request.user.api_tokens.order_by("-created_at"),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "accounts/profile.html", context)


@require_POST
@login_required
def token_create(request):
    name = request.POST.get("name", "").strip()[:100] or "Mã truy cập"
    raw = services.create_api_token(user=request.user, name=name)
    # Shown once on the next page, then gone: only its hash is stored.
    request.session["new_api_token"] = raw
    messages.success(request, f"Đã tạo mã truy cập «{name}». Hãy sao chép ngay.")
    return redirect("profile")


@require_POST
@login_required
def token_revoke(request, pk: int):
    token = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if token is not None:
        services.revoke_api_token(user=request.user, token=token)
        messages.success(request, f"Đã thu hồi mã truy cập «{token.name}».")
    return redirect("profile")
