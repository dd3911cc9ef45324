from django.urls import path

from thidua.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="list"),
    path("don-vi/<int:unit_pk>/doc-van-ban/", views.plan_upload, name="upload"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/ban-hanh/", views.plan_issue, name="issue"),
    path("<int:pk>/moc/<int:milestone_pk>/don-vi/", views.milestone_units, name="milestone_units"),
    path("nghia-vu/<int:pk>/<slug:action>/", views.obligation_action, name="obligation"),
]
