from django.urls import path

from thidua.summaries import dashboard_views, views, yearly_views

app_name = "summaries"
urlpatterns = [
    path("", views.report_list, name="list"),
    path("tong-quan/", dashboard_views.dashboard, name="dashboard"),
    path("tong-quan/bang/<slug:key>.xlsx", dashboard_views.dashboard_table, name="dashboard_table"),
    path("hang-nam/", yearly_views.yearly, name="yearly"),
    path("hang-nam/word/", yearly_views.yearly_word, name="yearly_word"),
    path("hang-nam/bang/<slug:key>.xlsx", yearly_views.yearly_table, name="yearly_table"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/word/", views.report_word, name="word"),
    path("<int:pk>/word/<int:job_pk>/", views.word_job, name="word_job"),
    path("<int:pk>/bang/<slug:key>.xlsx", views.report_table, name="table"),
]
