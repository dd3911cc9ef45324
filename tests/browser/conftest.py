"""Browser tests drive Debian's chromium through Playwright; they never download a browser.

They run when THIDUA_BROWSER_TESTS=1 (CI sets it) and then fail, rather than skip, when
chromium is missing, so that CI cannot go green without them.
"""

import os
import shutil
import threading

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.contrib.staticfiles.views import serve
from django.db import connections
from django.test.testcases import LiveServerThread
from django.test.utils import modify_settings

ENABLED = os.environ.get("THIDUA_BROWSER_TESTS") == "1"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# The flags a closed network needs: no background connections that would be refused.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture
def browser(web_server):
    """Chromium for one test. Database work belongs in fixtures that run before this one:
    once Playwright's loop runs in this thread, Django's connection handler sees another
    context, and a connection opened then would outlive the test database."""
    if not ENABLED:
        pytest.skip("browser tests are off; run with THIDUA_BROWSER_TESTS=1")
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"THIDUA_BROWSER_TESTS=1 but no chromium at {CHROMIUM} (apt-get install chromium)"
        )
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous, so Django's guard against async-unsafe calls must stand aside.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, web_server):
    # Depends on the server so that it closes first: its keep-alive connections end
    # before the server's database connection is handed back.
    context = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


class _StaticHandler(StaticFilesHandler):
    """Serves static files with DEBUG off, as whitenoise does in production."""

    def serve(self, request):
        return serve(request, self.file_path(request.path), insecure=True)


def _join_request_threads() -> None:
    """Wait for the server's per-request threads, which close their database connections as
    they end; otherwise the test database may still be in use when it is dropped."""
    for thread in threading.enumerate():
        if "process_request_thread" in thread.name:
            thread.join(timeout=5)


@pytest.fixture
def web_server(transactional_db):
    """pytest-django's live server, but with static files served although DEBUG is off
    (its StaticFilesHandler refuses to without DEBUG)."""
    connections_override = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    thread = LiveServerThread(
        "localhost", static_handler=_StaticHandler, connections_override=connections_override
    )
    for conn in connections_override.values():
        conn.inc_thread_sharing()
    thread.daemon = True
    with modify_settings(ALLOWED_HOSTS={"append": "localhost"}):
        thread.start()
        thread.is_ready.wait()
        if thread.error:
            raise thread.error
        thread.url = f"http://localhost:{thread.port}"
        yield thread
        thread.terminate()
        _join_request_threads()
    for conn in connections_override.values():
        conn.dec_thread_sharing()
