from django.urls import path

from thidua.quotas import views

app_name = "quotas"
urlpatterns = [
    path("cum-khoi/<int:pk>/", views.group_compliance, name="compliance"),
    path("thanh-vien/<int:pk>/", views.membership_submissions, name="membership"),
    path("thanh-vien/<int:pk>/gui/", views.submission_create, name="submit"),
    path("bai-gui/<int:pk>/", views.submission_detail, name="submission"),
    path("bai-gui/<int:pk>/<slug:action>/", views.submission_decide, name="decide"),
]
