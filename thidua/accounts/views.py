from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from thidua.accounts import forms, services
from thidua.accounts.models import ApiToken
from thidua.accounts.selectors import roles_of
from thidua.core.http import post_only, read_only


@read_only
@login_required
def profile(request):
    context = {
        "roles": roles_of(request.user),
        "tokens": request.user.api_tokens.order_by("-created_at"),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "accounts/profile.html", context)


@post_only
@login_required
def token_create(request):
    name = request.POST.get("name", "").strip()[:100] or "Mã truy cập"
    raw = services.create_api_token(user=request.user, name=name)
    # Shown once on the next page, then gone: only its hash is stored.
    request.session["new_api_token"] = raw
    messages.success(request, f"Đã tạo mã truy cập «{name}». Hãy sao chép ngay.")
    return redirect("profile")


@post_only
@login_required
def token_revoke(request, pk: int):
    token = ApiToken.objects.filter(user=request.user, pk=pk).first()
    if token is not None:
        services.revoke_api_token(user=request.user, token=token)
        messages.success(request, f"Đã thu hồi mã truy cập «{token.name}».")
    return redirect("profile")


class PasswordChangeView(auth_views.RedirectURLMixin, auth_views.PasswordChangeView):
    """Django's change page with the Vietnamese form. A user sent here for a temporary
    password goes on to the page they asked for (`next`), others to the done page."""

    form_class = forms.PasswordChangeForm
    next_page = "password_change_done"

    def get_context_data(self, **kwargs):
        return super().get_context_data(next=self.get_redirect_url(), **kwargs)

    def form_valid(self, form):
        if self.get_redirect_url():
            messages.success(
                self.request, "Đã đổi mật khẩu. Từ nay hãy đăng nhập bằng mật khẩu mới."
            )
        return super().form_valid(form)


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset request: the same answer whether or not the address belongs to an
    account. The link is built on SITE_URL, never on the request's Host header, which
    whoever sends the request chooses."""

    form_class = forms.PasswordResetForm
    subject_template_name = "registration/password_reset_subject.txt"
    email_template_name = "registration/password_reset_email.txt"

    def form_valid(self, form):
        site = urlsplit(settings.SITE_URL)
        # The e-mail's context takes these last, over what Django reads from the request.
        self.extra_email_context = {
            "protocol": site.scheme,
            "domain": site.netloc,
            "site_name": "Thi đua – Khen thưởng",
            "valid_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        }
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = forms.SetPasswordForm
