# Loaded with `-p tests.pytest_env` (pyproject), before pytest-django reads the settings:
# tasks run immediately, with no worker; static files are served unhashed.
import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("DB_CONN_MAX_AGE", "0")  # live-server threads must not hold the test DB open
