from django.urls import path

from thidua.pacts import scoring_views, views

app_name = "pacts"
urlpatterns = [
    path("cum-khoi/<int:group_pk>/", views.pact_list, name="list"),
    path("cum-khoi/<int:group_pk>/mo/", views.pact_open, name="open"),
    path("<int:pk>/", views.pact_detail, name="detail"),
    path("<int:pk>/tieu-chi/", views.pact_criteria, name="criteria"),
    path("<int:pk>/truong-pho/", views.pact_heads, name="heads"),
    path("<int:pk>/chi-tieu/<int:membership_pk>/", views.pact_target, name="target"),
    path("<int:pk>/chuyen/<slug:action>/", views.pact_action, name="action"),
    path("<int:pk>/ban-ky/", views.pact_scan, name="scan"),
    path("<int:pk>/ban-ky/tai-ve/", views.pact_scan_download, name="scan_download"),
    path("<int:pk>/word/", views.pact_word, name="word"),
    path("<int:pk>/cham-diem/<slug:review>/", scoring_views.review_page, name="review"),
    path(
        "<int:pk>/cham-diem/<slug:review>/mo/<int:membership_pk>/",
        scoring_views.card_start,
        name="card_start",
    ),
    path(
        "<int:pk>/cham-diem/<slug:review>/chuyen/<slug:action>/",
        scoring_views.ranking_action,
        name="ranking_action",
    ),
    path("<int:pk>/suy-ton/<int:membership_pk>/", scoring_views.vote, name="vote"),
    path("<int:pk>/co-chinh-phu/", scoring_views.government_flag, name="government_flag"),
    path("phieu/<int:pk>/", scoring_views.card_page, name="card"),
    path("phieu/<int:pk>/diem/", scoring_views.card_scores, name="card_scores"),
    path("phieu/<int:pk>/minh-chung/", scoring_views.card_file, name="card_file"),
    path(
        "phieu/<int:pk>/minh-chung/<int:file_pk>/",
        scoring_views.card_file_download,
        name="card_file_download",
    ),
    path("phieu/<int:pk>/dieu-chinh/<int:line_pk>/", scoring_views.card_adjust, name="card_adjust"),
    path("phieu/<int:pk>/chuyen/<slug:action>/", scoring_views.card_action, name="card_action"),
]
