from django.urls import path

from thidua.documents import views

app_name = "documents"
urlpatterns = [
    path("don-vi/<int:pk>/", views.letterhead_edit, name="letterhead"),
]
