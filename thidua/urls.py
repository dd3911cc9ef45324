from django.contrib.auth import views as auth_views
from django.urls import include, path

from thidua.accounts import views as account_views
from thidua.accounts.forms import LoginForm
from thidua.api import api
from thidua.awards import notice_views
from thidua.core import health
from thidua.home import views as home_views

urlpatterns = [
    path("", home_views.home, name="home"),
    path("suc-khoe/", health.alive, name="health_alive"),
    path("suc-khoe/san-sang/", health.ready, name="health_ready"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=LoginForm
        ),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("tai-khoan/", account_views.profile, name="profile"),
    path(
        "tai-khoan/doi-mat-khau/",
        account_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "tai-khoan/doi-mat-khau/xong/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/",
        account_views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/da-gui/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "tai-khoan/dat-lai-mat-khau/xong/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("tai-khoan/ma-truy-cap/", account_views.token_create, name="token_create"),
    path(
        "tai-khoan/ma-truy-cap/<int:pk>/thu-hoi/", account_views.token_revoke, name="token_revoke"
    ),
    path("nhat-ky/", home_views.event_list, name="audit"),
    path("tim-kiem/", home_views.search, name="search"),
    path("chon/<slug:kind>/", home_views.chooser, name="chooser"),
    path("", include("thidua.inbox.urls")),
    path("xuat/", include("thidua.exports.urls")),
    path("don-vi/", include("thidua.units.urls")),
    path("van-ban/", include("thidua.documents.urls")),
    path("tro-giup/", include("thidua.help.urls")),
    path("dien-hinh/", include("thidua.exemplars.urls")),
    path("dien-hinh/", include("thidua.showcase.urls")),
    path("guong-dien-hinh/", include("thidua.showcase.public_urls")),
    path("cuoc-thi/", include("thidua.contests.urls")),
    path("bao-cao-tong-ket/", include("thidua.summaries.urls")),
    path("thong-ke/", include("thidua.statistics.urls")),
    path("giao-uoc/", include("thidua.pacts.urls")),
    path("kiem-tra/", include("thidua.inspections.urls")),
    path("guong-nguoi-tot/", include("thidua.contests.public_urls")),
    path("phong-trao/", include("thidua.movements.urls")),
    path("chi-tieu/", include("thidua.quotas.urls")),
    path("khen-thuong/", include("thidua.awards.urls")),
    path("khen-thuong/", include("thidua.certificates.urls")),
    path("cong-khai/<uuid:token>/", notice_views.public_notice, name="public_notice"),
    path("nhap-excel/", include("thidua.imports.urls")),
    path("ke-hoach/", include("thidua.plans.urls")),
    path("hoi-nghi/", include("thidua.conferences.urls")),
    path("api/v1/", api.urls),
    path("", include("thidua.public.urls")),
]

handler400 = "thidua.core.views.bad_request"
handler403 = "thidua.core.views.permission_denied"
handler404 = "thidua.core.views.page_not_found"
handler500 = "thidua.core.views.server_error"
