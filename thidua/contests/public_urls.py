"""The contest's public pages, under their own prefix (/guong-nguoi-tot/)."""

from django.urls import path

from thidua.contests import public_views

app_name = "contest_public"
urlpatterns = [
    path("bai/<str:secret>/", public_views.entry_page, name="entry"),
    path("anh/<str:token>.jpg", public_views.winner_photo, name="photo"),
    path("<str:token>/", public_views.contest_page, name="contest"),
]
