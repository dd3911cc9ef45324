from django.urls import path

from thidua.certificates import views

app_name = "certificates"
urlpatterns = [
    path("quyet-dinh/<int:pk>/giay-khen/", views.start, name="start"),
    path("quyet-dinh/<int:pk>/giay-khen/tep/<int:job_pk>/", views.job, name="job"),
    path("quyet-dinh/<int:pk>/giay-khen/mau-in/", views.layout, name="layout"),
]
