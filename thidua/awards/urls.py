from django.urls import path

from thidua.awards import (
    council_views,
    decision_views,
    dossier_views,
    eligibility_views,
    history_views,
    nomination_views,
    notice_views,
    rating_views,
    register,
    registration_views,
    views,
)

app_name = "awards"
urlpatterns = [
    path("danh-muc/", views.catalogue, name="catalogue"),
    path("danh-muc/<slug:code>/", views.award_detail, name="detail"),
    path("danh-muc/<slug:code>/quy-dinh/them/", views.rule_add, name="rule_add"),
    path("danh-muc/<slug:code>/quy-dinh/<int:pk>/sua/", views.rule_edit, name="rule_edit"),
    path("danh-muc/<slug:code>/tham-quyen/them/", views.authority_edit, name="authority_add"),
    path(
        "danh-muc/<slug:code>/tham-quyen/<int:pk>/sua/", views.authority_edit, name="authority_edit"
    ),  # fmt: skip
    path(
        "danh-muc/<slug:code>/tham-quyen/<int:pk>/xoa/",
        views.authority_delete,
        name="authority_delete",
    ),  # fmt: skip
    path("thoi-han/", views.limit_list, name="limits"),
    path("thoi-han/them/", views.limit_edit, name="limit_add"),
    path("thoi-han/<int:pk>/sua/", views.limit_edit, name="limit_edit"),
    path("luong-co-so/", views.base_salary_list, name="base_salaries"),
    path("luong-co-so/them/", views.base_salary_edit, name="base_salary_add"),
    path("luong-co-so/<int:pk>/sua/", views.base_salary_edit, name="base_salary_edit"),
    path("du-dieu-kien/", eligibility_views.who_is_eligible, name="eligible"),
    path(
        "du-dieu-kien/xuat/<slug:fmt>/", eligibility_views.eligible_export, name="eligible_export"
    ),  # fmt: skip
    path("xep-loai/", rating_views.rating_sheet, name="ratings"),
    path("dang-ky/", registration_views.registration_sheet, name="registrations"),
    path("so-khen-thuong/", register.award_register, name="register"),
    path("so-khen-thuong/xuat/<slug:fmt>/", register.register_export, name="register_export"),
    path("de-nghi/", nomination_views.nomination_list, name="nominations"),
    path("de-nghi/lap/", nomination_views.nominate_from_eligible, name="nominate"),
    path("de-nghi/nhieu/", nomination_views.nominations_bulk, name="nominations_bulk"),
    path("de-nghi/<int:pk>/", nomination_views.nomination_detail, name="nomination"),
    path("de-nghi/ho-so/dinh-kem/", dossier_views.dossier_attach_many, name="dossier_attach_many"),
    path("de-nghi/<int:pk>/ho-so/", dossier_views.dossier_attach, name="dossier_attach"),
    path(
        "de-nghi/<int:pk>/ho-so/nhap/<slug:slug>/",
        dossier_views.dossier_draft,
        name="dossier_draft",
    ),
    path(
        "de-nghi/<int:pk>/ho-so/<int:file_pk>/", dossier_views.dossier_download, name="dossier_file"
    ),
    path(
        "de-nghi/<int:pk>/ho-so/<int:file_pk>/go/",
        dossier_views.dossier_remove,
        name="dossier_remove",
    ),
    path("cong-khai/", notice_views.notice_list, name="notices"),
    path("cong-khai/lap/", notice_views.notice_publish, name="notice_publish"),
    path("cong-khai/<int:pk>/", notice_views.notice_detail, name="notice"),
    path(
        "cong-khai/<int:pk>/y-kien/<int:comment_pk>/",
        notice_views.notice_answer,
        name="notice_answer",
    ),
    path("hoi-dong/", council_views.meeting_list, name="meetings"),
    path("hoi-dong/mo/", council_views.meeting_create, name="meeting_create"),
    path("hoi-dong/<int:pk>/", council_views.meeting_detail, name="meeting"),
    path("hoi-dong/<int:pk>/phieu/", council_views.meeting_votes, name="meeting_votes"),
    path("hoi-dong/<int:pk>/chot/", council_views.meeting_close, name="meeting_close"),
    path("hoi-dong/<int:pk>/bien-ban/", council_views.meeting_minutes, name="meeting_minutes"),
    path("quyet-dinh/", decision_views.decision_list, name="decisions"),
    path("quyet-dinh/lap/", decision_views.decision_create, name="decision_create"),
    path("quyet-dinh/<int:pk>/", decision_views.decision_detail, name="decision"),
    path("quyet-dinh/<int:pk>/ban-hanh/", decision_views.decision_issue, name="decision_issue"),
    path("quyet-dinh/<int:pk>/docx/", decision_views.decision_download, name="decision_docx"),
    path(
        "de-nghi/<int:pk>/<slug:action>/", nomination_views.nomination_act, name="nomination_act"
    ),  # fmt: skip
    path("doi-tuong/<int:pk>/", history_views.subject_history, name="history"),
    path("doi-tuong/<int:pk>/them/<slug:kind>/", history_views.history_add, name="history_add"),
    path(
        "doi-tuong/<int:pk>/xoa/<slug:kind>/<int:row_pk>/",
        history_views.history_delete,
        name="history_delete",
    ),  # fmt: skip
    path(
        "doi-tuong/<int:pk>/huy-bo/<int:row_pk>/",
        history_views.history_revoke,
        name="history_revoke",
    ),  # fmt: skip
    path(
        "doi-tuong/<int:pk>/het-tam-dung/<int:row_pk>/",
        history_views.history_lift,
        name="history_lift",
    ),  # fmt: skip
]
