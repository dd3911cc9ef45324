"""Reading an upload in a child process with hard limits on memory and time.

The readers stream and stop at their bounds, but a parser can still be led astray by a
crafted file (pypdf on a looping object graph, say). In a child process the operating
system enforces the limits whatever the parser does: RLIMIT_AS caps its memory, RLIMIT_CPU
and the parent's timeout its time, and a crash costs the child, never the worker. The
child sets its own limits first thing (a `preexec_fn` is unsafe beside the job's heartbeat
thread), reads, and writes one JSON object to the answer file it was given.

    python -m thidua.documents.isolated < {"reader": "xlsx_rows", "path": …, "answer": …}
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from thidua.documents import ocr, readers
from thidua.documents.archives import MIB, Refused

READERS = {
    "document_text": readers.document_text,
    "scan_pages": ocr.scan_pages,
    "ocr_page": ocr.page_text,
    "xlsx_rows": readers.xlsx_rows,
    "xlsx_sheets": readers.xlsx_sheets,
}
ROOT = Path(__file__).resolve().parents[2]
# The largest answer: two million characters of a plan, or ten million of a sheet, as UTF-8.
MAX_ANSWER_BYTES = 48 * MIB


def run_isolated(reader: str, path, *, seconds: int, memory_mb: int, **options):
    """What `READERS[reader](path, **options)` returns, computed in a child process that
    may use `memory_mb` of address space and `seconds` of time; Refused with a Vietnamese
    message naming the file when it is refused, runs out of either, or crashes. The answer
    comes back through a file whose size is checked before it is read, so that the worker
    never holds more than MAX_ANSWER_BYTES of it."""
    name = options.get("name", "tệp")
    with tempfile.TemporaryDirectory(prefix="thidua-reader-") as folder:
        answer_path = Path(folder) / "answer.json"
        request = {"reader": reader, "path": str(path), "options": options, "seconds": seconds,
                   "memory_mb": memory_mb, "answer": str(answer_path)}  # fmt: skip
        try:
            subprocess.run(  # noqa: S603 -- our own interpreter and module, no shell
                [sys.executable, "-m", "thidua.documents.isolated"], input=json.dumps(request),
                capture_output=True, text=True, timeout=seconds + 2, cwd=ROOT, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired as error:
            message = f"Đọc tệp «{name}» quá {seconds} giây; tệp quá lớn hoặc bất thường."
            raise Refused(message) from error
        answer = _answer(answer_path, name)
    if "refused" in answer:
        raise Refused(answer["refused"])
    return answer["result"]


def _answer(path: Path, name: str) -> dict:
    broken = {"refused": f"Không đọc được tệp «{name}»: tệp quá lớn hoặc bị hỏng."}
    if not path.exists() or path.stat().st_size > MAX_ANSWER_BYTES:
        return broken
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError:
        return broken


def _limit(memory_mb: int, seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MIB, memory_mb * MIB))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))


def main() -> None:
    request = json.loads(sys.stdin.read())
    _limit(request["memory_mb"], request["seconds"])
    name = request["options"].get("name", "tệp")
    try:
        answer = {"result": READERS[request["reader"]](request["path"], **request["options"])}
    except Refused as error:
        answer = {"refused": str(error)}
    except MemoryError:
        answer = {"refused": f"Tệp «{name}» cần quá nhiều bộ nhớ để đọc; không đọc."}
    except Exception:  # the parser's own failure on a damaged file
        answer = {"refused": f"Không đọc được tệp «{name}»: tệp bị hỏng."}
    with open(request["answer"], "w", encoding="utf-8") as out:
        json.dump(answer, out, ensure_ascii=False)
    os._exit(0)  # skip interpreter teardown: nothing to clean up, and it may need memory


if __name__ == "__main__":
    main()
