# Loaded with `-p tests.pytest_env` (pyproject), before pytest-django reads the settings:
# tasks run immediately, with no worker; static files are served unhashed.
import os

# Long and varied enough for the start-up check on SECRET_KEY (settings.py), and plainly no secret.
os.environ.setdefault("SECRET_KEY", "tests-only-not-secret-6f1d0c83a9e24b57b1e0d94c2a7f3e65")
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("STATIC_MANIFEST", "0")
os.environ.setdefault("DB_CONN_MAX_AGE", "0")  # live-server threads must not hold the test DB open
