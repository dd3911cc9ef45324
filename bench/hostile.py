"""Hostile uploads against a real server: gunicorn with two web workers on a scratch
database, ten 1 GB DOCX bombs (3 MB each) sent in parallel to each plan-document endpoint
and ten XLSX bombs to the import page, while the workers' memory is sampled. Then the
isolated reader on the largest workbook the bounds let through. Prints figures; asserts
nothing.

    .venv/bin/python bench/hostile.py        (also run by `make bench`)
"""

import http.cookiejar
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

from common import fresh_database  # first: sets Django up

from tests.bombs import docx_bomb, xlsx_bomb
from thidua.accounts import services as account_services
from thidua.accounts.models import Role, UnitRole, User
from thidua.documents.isolated import run_isolated
from thidua.units.models import Unit, UnitKind

PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
PASSWORD = "mat-khau-bench-1234"  # noqa: S105 -- a scratch database's only user
PARALLEL = 10


def _multipart(fields: dict, name: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
             for k, v in fields.items()]  # fmt: skip
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                 f'filename="{name}"\r\n\r\n'.encode() + content + b"\r\n")  # fmt: skip
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def _post(opener, url, body, boundary, headers=None) -> int:
    kind = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    request = urllib.request.Request(  # noqa: S310 -- our own http://127.0.0.1 server
        url, data=body, method="POST", headers={**kind, **(headers or {})}
    )
    try:
        with opener.open(request, timeout=120) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _rss_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024


def _workers(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


class Sampler(threading.Thread):
    """The peak resident memory of each web worker while the bombs fly."""

    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.peak, self.running = pids, dict.fromkeys(pids, 0.0), True

    def run(self):
        while self.running:
            for pid in self.pids:
                self.peak[pid] = max(self.peak[pid], _rss_mib(pid))
            time.sleep(0.02)


def _scene() -> tuple[Unit, str]:
    fresh_database()
    province = Unit.objects.create(name="Tỉnh Thử", kind=UnitKind.PROVINCE, code="99")
    officer = User.objects.create_user("bench", password=PASSWORD)
    UnitRole.objects.create(user=officer, unit=province, role=Role.OFFICER)
    return province, account_services.create_api_token(user=officer, name="bench")


def _serve() -> subprocess.Popen:
    env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1", "TASKS_BACKEND": "database",
           "SECURE_COOKIES": "0", "LOG_LEVEL": "ERROR"}  # fmt: skip
    server = subprocess.Popen(  # noqa: S603 -- our own gunicorn
        [sys.executable, "-m", "gunicorn", "thidua.wsgi", "--workers", "2", "--bind",
         f"127.0.0.1:{PORT}", "--log-level", "error"], env=env, cwd=Path(__file__).parent.parent,
        stderr=subprocess.DEVNULL,  # each refusal is logged as a warning
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"{BASE}/dang-nhap/", timeout=1).close()  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def _session():
    """A logged-in browser-like opener and its CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{BASE}/dang-nhap/").read()
    token = next(c.value for c in jar if c.name == "csrftoken")
    body = f"username=bench&password={PASSWORD}&csrfmiddlewaretoken={token}".encode()
    login = urllib.request.Request(  # noqa: S310 -- our own http://127.0.0.1 server
        f"{BASE}/dang-nhap/", data=body, headers={"Referer": f"{BASE}/dang-nhap/"}
    )
    opener.open(login).read()
    return opener, next(c.value for c in jar if c.name == "csrftoken")


def _volley(label, send, pids) -> None:
    before = {pid: _rss_mib(pid) for pid in pids}
    sampler = Sampler(pids)
    sampler.start()
    codes, started = [], time.perf_counter()
    threads = [threading.Thread(target=lambda: codes.append(send())) for _ in range(PARALLEL)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    sampler.running = False
    sampler.join()
    growth = max(sampler.peak[pid] - before[pid] for pid in pids)
    print(
        f"{label:<46} answers {sorted(set(codes))} in {elapsed:5.1f} s; "
        f"worker peak {max(sampler.peak.values()):6.1f} MiB, +{growth:5.1f} MiB over baseline"
    )


def main() -> None:
    province, token = _scene()
    _largest_workbook()  # first: the children's peak must be the reader's alone
    bomb, sheet = docx_bomb(1024), xlsx_bomb(1024)
    print(
        f"DOCX bomb: {len(bomb) / 2**20:.1f} MB on the wire, 1,024 MB inflated; "
        f"XLSX bomb: {len(sheet) / 2**20:.1f} MB, 1,024 MB inflated"
    )
    server = _serve()
    try:
        pids = _workers(server.pid)
        api = urllib.request.build_opener()
        auth = {"Authorization": f"Bearer {token}"}
        small = _multipart({}, "kh.txt", b"Ke hoach so 1/KH-UBND")
        for _ in range(3):  # warm both workers up (imports, connections) before the baseline
            warm = [
                threading.Thread(
                    target=_post, args=(api, f"{BASE}/api/v1/plan-documents/extract", *small, auth)
                )
                for _ in range(6)
            ]
            for thread in warm:
                thread.start()
            for thread in warm:
                thread.join()
        print(f"web workers' baseline: {', '.join(f'{_rss_mib(p):.1f}' for p in pids)} MiB")
        extract = _multipart({}, "ke-hoach.docx", bomb)
        _volley(f"{PARALLEL} × POST /api/v1/plan-documents/extract",
                lambda: _post(api, f"{BASE}/api/v1/plan-documents/extract", *extract, auth),
                pids)  # fmt: skip
        draft_url = f"{BASE}/api/v1/units/{province.pk}/plans/drafts"
        _volley(f"{PARALLEL} × POST …/plans/drafts", lambda: _post(api, draft_url, *extract, auth),
                pids)  # fmt: skip
        browser, csrf = _session()
        page = f"{BASE}/nhap-excel/don-vi/{province.pk}/"
        form = _multipart({"csrfmiddlewaretoken": csrf}, "danh-sach.xlsx", sheet)
        _volley(f"{PARALLEL} × XLSX bomb to the import page",
                lambda: _post(browser, page, *form, {"Referer": page}), pids)  # fmt: skip
    finally:
        server.terminate()
        server.wait()


def _workbook_with_strings(path: Path, megabytes: int) -> int:
    """A real workbook whose shared-strings part is replaced by `megabytes` of distinct
    strings that compress about 1:4, inside every bound; returns its size."""
    import io  # noqa: PLC0415
    import zipfile  # noqa: PLC0415

    from openpyxl import Workbook  # noqa: PLC0415

    from tests.bombs import _deflated, _member, _zip  # noqa: PLC0415 -- bench-only reuse

    workbook, buffer = Workbook(), io.BytesIO()
    workbook.active.append(["Mã đơn vị", "Đối tượng"])
    workbook.save(buffer)
    original = zipfile.ZipFile(buffer)
    members = [_member(info.filename, original.read(info)) for info in original.infolist()
               if info.filename != "xl/sharedStrings.xml"]  # fmt: skip
    unit = b"".join(b"<si><t>%s</t></si>" % os.urandom(24).hex().encode() for _ in range(20000))
    data, crc, size = _deflated(b"<sst xmlns='http://schemas.openxmlformats.org/"
                                b"spreadsheetml/2006/main'>", unit, megabytes)  # fmt: skip
    # The repeated segment ends without closing <sst>; openpyxl stops at the broken end,
    # having read (and held) every string before it, which is the cost measured.
    path.write_bytes(_zip([*members, ("xl/sharedStrings.xml", data, crc, size, size)]))
    return path.stat().st_size


def _largest_workbook() -> None:
    """A workbook just inside the bounds (shared strings of 60 MB), read by the isolated
    reader: the child's peak is the most a worker's reading can cost, and it is capped."""
    path = Path(tempfile.mkdtemp()) / "lon.xlsx"
    size = _workbook_with_strings(path, 60)
    started = time.perf_counter()
    try:
        run_isolated("xlsx_rows", path, name="lon.xlsx", max_rows=20000, max_cols=14,
                     seconds=120, memory_mb=512)  # fmt: skip
        outcome = "read"
    except Exception as error:  # noqa: BLE001 -- the figure is what matters
        outcome = f"refused ({str(error)[:60]})"
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"60 MB of shared strings ({size / 2**20:.1f} MB file), isolated reader: {outcome} "
        f"in {time.perf_counter() - started:.1f} s; child peak {child:.0f} MiB (cap 512)"
    )


if __name__ == "__main__":
    main()
