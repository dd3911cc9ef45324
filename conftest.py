# Test environment, set before Django reads its settings: tasks run immediately, no worker.
import os

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ["TASKS_BACKEND"] = "immediate"
os.environ.setdefault("STATIC_MANIFEST", "0")
