from django.urls import path

from thidua.exemplars import views

app_name = "exemplars"
urlpatterns = [
    path("", views.exemplar_list, name="list"),
    path("xuat/<str:fmt>/", views.exemplar_export, name="export"),
    path("<int:pk>/", views.exemplar_detail, name="detail"),
    path("<int:pk>/chuyen/<slug:action>/", views.exemplar_action, name="action"),
    path("<int:pk>/minh-chung/", views.evidence_upload, name="evidence_upload"),
    path("<int:pk>/minh-chung/<int:evidence_pk>/", views.evidence_download, name="evidence"),
    path(
        "<int:pk>/minh-chung/<int:evidence_pk>/go/", views.evidence_remove, name="evidence_remove"
    ),
    path("<int:pk>/tieu-chi/", views.checklist_save, name="checklist"),
    path("<int:pk>/ghi-nhan/<slug:kind>/", views.record_add, name="record_add"),
    path("doi-tuong/", views.subject_list, name="subject_list"),
    path("doi-tuong/xuat/<str:fmt>/", views.subject_export, name="subject_export"),
    path("doi-tuong/<int:pk>/", views.subject_detail, name="subject_detail"),
    path("don-vi/<int:unit_pk>/doi-tuong/them/", views.subject_create, name="subject_create"),
]
