from django.urls import path

from thidua.summaries import views

app_name = "summaries"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/word/", views.report_word, name="word"),
    path("<int:pk>/bang/<slug:key>.xlsx", views.report_table, name="table"),
]
