from django.urls import path

from thidua.plans import draft_views, obligation_views, reading_views, views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("don-vi/<int:unit_pk>/doc-van-ban/", reading_views.plan_upload, name="upload"),
    path("doc-van-ban/<int:pk>/", reading_views.plan_reading, name="reading"),
    path("doc-van-ban/<int:pk>/thu-lai/", reading_views.plan_reading_retry, name="reading_retry"),
    path("don-vi/<int:unit_pk>/lap-moi/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/tien-do/", views.plan_board, name="board"),
    path("<int:pk>/ban-word/", views.plan_document, name="document"),
    path("<int:pk>/ban-hanh/", views.plan_issue, name="issue"),
    path("<int:pk>/ket-thuc/", views.plan_close, name="close"),
    path("<int:pk>/tep/<int:file_pk>/", views.plan_file, name="file"),
    path("<int:pk>/sua/", draft_views.plan_edit, name="edit"),
    path("<int:pk>/dinh-kem/", draft_views.plan_attach, name="attach"),
    path("<int:pk>/moc/them/", draft_views.milestone_edit, name="milestone_add"),
    path("<int:pk>/moc/<int:milestone_pk>/", draft_views.milestone_edit, name="milestone_edit"),
    path(
        "<int:pk>/moc/<int:milestone_pk>/xoa/",
        draft_views.milestone_delete,
        name="milestone_delete",
    ),  # fmt: skip
    path(
        "<int:pk>/moc/<int:milestone_pk>/don-vi/",
        draft_views.milestone_units,
        name="milestone_units",
    ),  # fmt: skip
    path("<int:pk>/quy-dinh/them/", draft_views.rule_set_edit, name="rule_set_add"),
    path("<int:pk>/quy-dinh/<int:rule_pk>/", draft_views.rule_set_edit, name="rule_set_edit"),
    path(
        "<int:pk>/quy-dinh/<int:rule_pk>/xoa/", draft_views.rule_set_delete, name="rule_set_delete"
    ),  # fmt: skip
    path("nghia-vu/", obligation_views.my_obligations, name="my_obligations"),
    path("nghia-vu/<int:pk>/", obligation_views.obligation_detail, name="obligation"),
    path("nghia-vu/<int:pk>/nop/", obligation_views.obligation_deliver, name="deliver"),
    path("nghia-vu/<int:pk>/<slug:action>/", obligation_views.obligation_decide, name="decide"),
    path(
        "nghia-vu/<int:pk>/tep/<int:file_pk>/", obligation_views.delivery_file, name="delivery_file"
    ),  # fmt: skip
]
