from django.urls import path

from thidua.units import group_views, views

app_name = "units"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("tim-kiem/", views.unit_search, name="search"),
    path("<int:pk>/", views.unit_detail, name="detail"),
    path("<int:pk>/them/", views.unit_create, name="create"),
    path("<int:pk>/sua/", views.unit_edit, name="edit"),
    path("<int:pk>/xoa/", views.unit_delete, name="delete"),
    path("<int:pk>/nhanh/", views.branch, name="branch"),
    path("<int:pk>/tim-trong-cay/", views.tree_search, name="tree_search"),
    path("<int:pk>/cum-khoi/them/", group_views.group_create, name="group_create"),
    path("cum-khoi/", group_views.group_list, name="group_list"),
    path("cum-khoi/<int:pk>/", group_views.group_detail, name="group_detail"),
    path("cum-khoi/<int:pk>/sua/", group_views.group_edit, name="group_edit"),
    path("cum-khoi/<int:pk>/xoa/", group_views.group_delete, name="group_delete"),
    path("cum-khoi/<int:pk>/thanh-vien/them/", group_views.member_add, name="member_add"),
    path("thanh-vien/<int:pk>/sua/", group_views.member_edit, name="member_edit"),
    path("thanh-vien/<int:pk>/xoa/", group_views.member_delete, name="member_delete"),
]
