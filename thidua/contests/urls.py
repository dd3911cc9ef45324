from django.urls import path

from thidua.contests import entry_views, views

app_name = "contests"
urlpatterns = [
    path("", views.contest_list, name="list"),
    path("moi/", views.contest_form, name="create"),
    path("<int:pk>/", views.contest_detail, name="detail"),
    path("<int:pk>/sua/", views.contest_form, name="edit"),
    path("<int:pk>/chuyen/<slug:action>/", views.contest_action, name="action"),
    path("<int:pk>/giai/", views.prizes_save, name="prizes"),
    path("<int:pk>/cham/", entry_views.judge, name="judge"),
    path("<int:pk>/bai/<int:entry_pk>/", entry_views.entry_detail, name="entry"),
    path(
        "<int:pk>/bai/<int:entry_pk>/anh/<int:photo_pk>/",
        entry_views.entry_photo,
        name="entry_photo",
    ),
    path(
        "<int:pk>/bai/<int:entry_pk>/chuyen/<slug:action>/", views.entry_action, name="entry_action"
    ),
    path(
        "<int:pk>/bai/<int:entry_pk>/thanh-dien-hinh/", views.entry_to_exemplar, name="to_exemplar"
    ),
]
