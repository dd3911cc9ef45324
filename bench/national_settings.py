"""Settings of the national benchmark's processes: the app's own, plus the stock Django
admin (only here, never in the app) so that its changelists can be measured beside
thidua's lists on the same tables (bench/national_urls.py)."""

from thidua.settings import *  # noqa: F403 -- the app's settings, unchanged but for these
from thidua.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "django.contrib.admin"]
ROOT_URLCONF = "national_urls"
