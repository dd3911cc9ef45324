"""Sets Django up on the scratch database named by --database, before any model import:
the first import of national_data.py and national_measure.py. The stock admin is added
(national_settings.py); DEBUG is off, as in production. bench/common.py does the rest."""

import argparse
import logging
import os
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from national_db import database_url  # noqa: E402 -- after the path above

_parser = argparse.ArgumentParser(add_help=False)
_parser.add_argument("--database", required=True)
DATABASE = _parser.parse_known_args()[0].database
os.environ["BENCH_DATABASE_URL"] = database_url(DATABASE)  # refuses a non-scratch name
os.environ["DJANGO_SETTINGS_MODULE"] = "national_settings"
os.environ["DEBUG"] = "0"

warnings.filterwarnings("ignore", message="No directory at")  # whitenoise, no collectstatic

import common  # noqa: E402,F401 -- sets Django up on BENCH_DATABASE_URL

logging.getLogger("django.request").setLevel(logging.ERROR)  # 4xx are figures, not news
