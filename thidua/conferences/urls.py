from django.urls import path

from thidua.conferences import door_views, dossier_views, views

app_name = "conferences"
urlpatterns = [
    path("", views.conference_list, name="list"),
    path("don-vi/<int:unit_pk>/tao/", views.conference_create, name="create"),
    path("<int:pk>/", views.conference_detail, name="detail"),
    path("<int:pk>/sua/", views.conference_edit, name="edit"),
    path("<int:pk>/chuong-trinh/", views.agenda_edit, name="agenda"),
    path("<int:pk>/chuyen/<slug:action>/", views.conference_transition, name="transition"),
    path("<int:pk>/kiem-tra/", views.findings_panel, name="findings"),
    path("<int:pk>/dai-bieu/", views.delegate_list, name="delegates"),
    path("<int:pk>/dai-bieu/xu-ly/", views.delegate_bulk, name="delegate_bulk"),
    path("<int:pk>/dai-bieu/chon-dien-hinh/", views.delegate_pick, name="delegate_pick"),
    path("<int:pk>/dai-bieu/<int:delegate_pk>/sua/", views.delegate_edit, name="delegate_edit"),
    path("<int:pk>/dai-bieu/them-dien-hinh/", views.delegate_add_all, name="delegate_add_all"),
    path("<int:pk>/trich-ngang.<slug:fmt>", door_views.brief_profiles, name="brief_profiles"),
    path("<int:pk>/ho-so/", dossier_views.dossier_upload, name="dossier_upload"),
    path("<int:pk>/ho-so/soan/", dossier_views.dossier_generate, name="dossier_generate"),
    path("<int:pk>/ho-so/<int:doc_pk>/", dossier_views.dossier_file, name="dossier_file"),
    path("<int:pk>/ket-qua/", dossier_views.outcome, name="outcome"),
    path("<int:pk>/diem-danh/", door_views.check_in_desk, name="check_in"),
    path("<int:pk>/diem-danh/so-luong/", door_views.attendance_count, name="attendance"),
    path("<int:pk>/chi-tieu/", door_views.quotas, name="quotas"),
    path("<int:pk>/chi-tieu/phan-bo/", door_views.allot, name="allot"),
    path("<int:pk>/chi-tieu/<int:unit_pk>/nhan/", door_views.pull, name="pull"),
    path("the/<str:token>/", door_views.scanned, name="scanned"),
    path("<int:pk>/in/<slug:kind>/", door_views.print_start, name="print"),
    path("<int:pk>/in/tep/<int:job_pk>/", door_views.print_job, name="print_job"),
    path("<int:pk>/in/tep/<int:job_pk>/thu-lai/", door_views.print_retry, name="print_retry"),
]
