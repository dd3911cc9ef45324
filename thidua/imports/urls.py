from django.urls import path

from thidua.imports import views

app_name = "imports"
urlpatterns = [
    path("mau.xlsx", views.import_template, name="template"),
    path("mau/<slug:slug>.xlsx", views.import_template, name="kind_template"),
    path("don-vi/<int:unit_pk>/", views.import_start, name="start"),
    path("don-vi/<int:unit_pk>/<slug:slug>/", views.import_start, name="kind_start"),
    path("<slug:slug>/vao/<int:target_pk>/", views.import_into, name="into"),
    path("<int:pk>/", views.import_job, name="job"),
    path("<int:pk>/thu-lai/", views.import_retry, name="retry"),
]
