"""Logs an operator can read (issue 18, part 5): one JSON line per request and per job run,
with ids and figures only (who by user id, which units by id, no names, no query strings,
no form data), and a request id that the Vietnamese error page shows, so that an officer
who reports «mã yêu cầu 3f9c…» points the operator at the exact lines.

`LOG_FORMAT=json` (the default when DEBUG is off) writes every record as JSON with the
request id of the request it happened in; `text` keeps Django's plain lines.
"""

import contextvars
import json
import logging
import re
import time
import uuid

from django.utils import timezone

REQUEST_ID = contextvars.ContextVar("request_id", default="")
# An id a proxy passes on (X-Request-ID) is kept when it looks like one.
INCOMING_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")
requests_log = logging.getLogger("thidua.requests")
jobs_log = logging.getLogger("thidua.jobs")


class JsonFormatter(logging.Formatter):
    """A record as one JSON object: time, level, logger, message, the request id, the
    record's `fields` (extra={"fields": {...}}) and the exception, if any."""

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "time": timezone.now().isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage(),
        }  # fmt: skip
        if REQUEST_ID.get():
            line["request_id"] = REQUEST_ID.get()
        line.update(getattr(record, "fields", {}))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def _user_fields(request) -> dict:
    """The user's id and units' ids, from what the request already loaded (no query)."""
    user = getattr(request, "_cached_user", None)
    if user is None or not user.is_authenticated:
        return {}
    scope = getattr(user, "_thidua_scope", None)
    units = (
        [int(path.strip("/").rsplit("/", 1)[-1]) for path, _role in scope.grants] if scope else []
    )
    return {"user_id": user.pk, "unit_ids": units} if units else {"user_id": user.pk}


def _request_fields(request, response, started: float) -> dict:
    match = request.resolver_match
    ids = {key: value for key, value in (match.kwargs if match else {}).items()
           if isinstance(value, int)}  # fmt: skip
    return {
        "event": "request", "method": request.method, "status": response.status_code,
        "route": match.route if match else None, "view": match.view_name if match else None,
        "ids": ids, "ms": round((time.perf_counter() - started) * 1000, 1),
        **_user_fields(request),
    }  # fmt: skip


class RequestLogMiddleware:
    """Gives each request its id (X-Request-ID back to the caller) and logs its outcome."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if INCOMING_ID.fullmatch(incoming) else uuid.uuid4().hex[:16]
        token = REQUEST_ID.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.request_id
            requests_log.info(
                "request", extra={"fields": _request_fields(request, response, started)}
            )
            return response
        finally:
            REQUEST_ID.reset(token)


def log_job(job, *, started: float) -> None:
    """One line for a job's run: its kind, id, outcome, time and who asked for it."""
    fields = {
        "event": "job", "kind": type(job).__name__, "job_id": job.pk, "state": job.state,
        "ms": round((time.perf_counter() - started) * 1000, 1), "attempts": job.attempts,
    }  # fmt: skip
    if getattr(job, "user_id", None):
        fields["user_id"] = job.user_id
    jobs_log.info("job", extra={"fields": fields})
