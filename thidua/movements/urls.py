from django.urls import path

from thidua.movements import views

app_name = "movements"
urlpatterns = [
    path("", views.movement_list, name="list"),
    path("<int:pk>/", views.movement_detail, name="detail"),
    path("<int:pk>/sua/", views.movement_edit, name="edit"),
    path("<int:pk>/chuyen/<slug:action>/", views.movement_action, name="action"),
    path("<int:pk>/dot/them/", views.drive_add, name="drive_add"),
    path("<int:pk>/dang-ky/them/", views.registration_add, name="registration_add"),
    path("don-vi/<int:unit_pk>/phat-dong/", views.movement_create, name="create"),
]
