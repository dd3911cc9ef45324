from django.urls import path

from thidua.inbox import views

app_name = "inbox"
urlpatterns = [
    path("thong-bao/", views.notice_list, name="notices"),
    path("thong-bao/<int:pk>/mo/", views.notice_open, name="open"),
    path("thong-bao/da-doc/", views.notices_read, name="read_all"),
    path("viec-can-lam/<slug:key>/", views.section_page, name="section"),
]
