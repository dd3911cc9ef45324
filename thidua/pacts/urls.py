from django.urls import path

from thidua.pacts import views

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
]
