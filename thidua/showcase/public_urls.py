"""The public showcase, under its own prefix (/guong-dien-hinh/)."""

from django.urls import path

from thidua.showcase import public_views

app_name = "showcase"
urlpatterns = [
    path("", public_views.showcase_list, name="list"),
    path("anh/<str:token>/<slug:size>.jpg", public_views.photo, name="photo"),
    path("an-pham/", public_views.booklet_list, name="booklets"),
    path("an-pham/<str:token>.<slug:kind>", public_views.booklet_file, name="booklet_file"),
    path("<str:token>/", public_views.showcase_page, name="page"),
]
