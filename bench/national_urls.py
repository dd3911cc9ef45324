"""The app's URLs plus a stock Django admin at /django-admin/, with a plain ModelAdmin for
the four tables the benchmark compares against (bench/national_settings.py)."""

from django.contrib import admin
from django.urls import path

from thidua import urls as app_urls
from thidua.awards.models import AwardRecord
from thidua.exemplars.models import Exemplar, Subject
from thidua.units.models import Unit

for model in (Unit, Subject, Exemplar, AwardRecord):
    admin.site.register(model, admin.ModelAdmin)

urlpatterns = [path("django-admin/", admin.site.urls), *app_urls.urlpatterns]
handler400 = app_urls.handler400
handler403 = app_urls.handler403
handler404 = app_urls.handler404
handler500 = app_urls.handler500
