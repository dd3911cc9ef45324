from django.urls import path

from thidua.help import views

app_name = "help"
urlpatterns = [
    path("", views.help_index, name="index"),
    path("<slug:slug>/", views.help_page, name="page"),
]
