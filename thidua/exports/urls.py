from django.urls import path

from thidua.exports import views

app_name = "exports"
urlpatterns = [
    path("<int:pk>/", views.export_job, name="job"),
    path("<int:pk>/tai/", views.export_download, name="download"),
    path("<int:pk>/thu-lai/", views.export_retry, name="retry"),
]
