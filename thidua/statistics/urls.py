from django.urls import path

from thidua.statistics import views

app_name = "statistics"
urlpatterns = [
    path("", views.statistics, name="form"),
    path("excel/", views.statistics_xlsx, name="xlsx"),
]
