from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import Resolver404, resolve, reverse
from django_htmx.http import HttpResponseClientRedirect

# What a user with a temporary password may still reach: the page to replace it, the way
# out, and the reset pages (a user who forgot the temporary one resets it by e-mail).
ALLOWED_URL_NAMES = frozenset(
    {
        "password_change",
        "password_change_done",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    }
)
API_REFUSAL = "Tài khoản đang dùng mật khẩu tạm thời; hãy đăng nhập trên trang web và đổi mật khẩu."


class PasswordChangeRequiredMiddleware:
    """Sends a signed-in user whose password is temporary (`must_change_password`) to the
    change page from every page, and answers their session's API calls with a 403: the
    password was seen by whoever created the account, so it must not stay in use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if not getattr(user, "must_change_password", False) or self._allowed(request.path_info):
            return self.get_response(request)
        if request.path_info.startswith("/api/"):
            return JsonResponse({"detail": API_REFUSAL}, status=403)
        response = redirect_to_login(request.get_full_path(), reverse("password_change"))
        # An htmx fragment would otherwise receive the change page; move the whole page.
        if request.headers.get("HX-Request") == "true":
            return HttpResponseClientRedirect(response["Location"])
        return response

    @staticmethod
    def _allowed(path: str) -> bool:
        if path.startswith(settings.STATIC_URL):
            return True
        try:
            return resolve(path).url_name in ALLOWED_URL_NAMES
        except Resolver404:
            return False
