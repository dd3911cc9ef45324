"""The public pages: no login, their own templates (public/base.html) and no officer data."""

from django.urls import path

from thidua.public import views

app_name = "public"
urlpatterns = [
    path("xac-minh/", views.verify_form, name="verify_form"),
    path("xac-minh/<str:code>/", views.verify, name="verify"),
]
