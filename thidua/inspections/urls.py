from django.urls import path

from thidua.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("don-vi/<int:unit_pk>/them/", views.inspection_plan, name="plan"),
    path("<int:pk>/", views.inspection_detail, name="detail"),
    path("<int:pk>/ket-qua/", views.inspection_findings, name="findings"),
    path("<int:pk>/khac-phuc/", views.inspection_fix, name="fix"),
    path("<int:pk>/chuyen/<slug:action>/", views.inspection_action, name="action"),
    path("<int:pk>/khac-phuc/<int:fix_pk>/<slug:action>/", views.fix_action, name="fix_action"),
    path("<int:pk>/word/", views.inspection_word, name="word"),
    path("<int:pk>/noi-dung/<int:item_pk>/minh-chung/", views.item_file, name="item_file"),
    path("<int:pk>/minh-chung/<int:file_pk>/", views.item_file_download, name="item_file_download"),
]
