"""The officer's pages of the showcase, beside the exemplar's own (/dien-hinh/<pk>/…)."""

from django.urls import path

from thidua.showcase import booklet_views, views

app_name = "showcase_admin"
urlpatterns = [
    path("<int:pk>/cong-khai/", views.manage, name="manage"),
    path("<int:pk>/cong-khai/dong-y/", views.consent_record, name="consent"),
    path("<int:pk>/cong-khai/rut-dong-y/", views.consent_withdraw, name="consent_withdraw"),
    path("<int:pk>/cong-khai/luu/", views.publication_save, name="save"),
    path("<int:pk>/cong-khai/thoi/", views.publication_unpublish, name="unpublish"),
    path("an-pham/", booklet_views.booklet_list, name="booklets"),
    path("an-pham/moi/", booklet_views.booklet_create, name="booklet_create"),
    path("an-pham/<int:pk>/", booklet_views.booklet_detail, name="booklet"),
    path("an-pham/<int:pk>/sua/", booklet_views.booklet_edit, name="booklet_edit"),
    path("an-pham/<int:pk>/tao-tep/", booklet_views.booklet_render, name="booklet_render"),
    path("an-pham/<int:pk>/cong-khai/", booklet_views.booklet_public, name="booklet_public"),
]
