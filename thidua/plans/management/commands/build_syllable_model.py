import gzip
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand
from vietnam_provinces import Province, Ward

from thidua.core.text import fold
from thidua.documents.frame import place_name
from thidua.plans.diacritics import MODEL, NUMBER, TOKEN, WORD

ROOT = Path(__file__).resolve().parents[4]
# The plan reader's own modules quote mangled OCR in their docstrings, by design: not text
# to learn Vietnamese from.
QUOTING_OCR = {"extraction.py", "heading.py", "quoting.py", "wording.py", "figures.py",
               "diacritics.py", "deliverables.py", "ocr.py", "build_syllable_model.py"}  # fmt: skip
# Letters Vietnamese does not write: a word with one is English or OCR noise.
FOREIGN = re.compile(r"[fjwz]")
TEMPLATE_TAGS = re.compile(r"\{[%#].*?[%#]\}|<[^>]+>", re.S)
# A template's variable stands where a number mostly is («năm {{ year }}»).
TEMPLATE_VARIABLES = re.compile(r"\{\{.*?\}\}", re.S)


class Command(BaseCommand):
    help = (
        "Dựng lại mô hình khôi phục dấu tiếng Việt (plans/data/syllables.json.gz) từ văn bản "
        "tiếng Việt của dự án và tên đơn vị hành chính."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=MODEL, help="tệp mô hình (.json.gz)")

    def handle(self, *args, output: Path, **options):
        unigrams, bigrams = Counter(), Counter()
        for chunk in _chunks(_corpus()):
            words = [NUMBER if w.isdigit() else unicodedata.normalize("NFC", w).lower()
                     for w in TOKEN.findall(chunk)]  # fmt: skip
            words = [w for w in words if not FOREIGN.search(fold(w)) and not _mixed(w)]
            unigrams.update(words)
            bigrams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
        data = {"unigrams": dict(unigrams), "bigrams": dict(bigrams)}
        output.parent.mkdir(exist_ok=True)
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        output.write_bytes(gzip.compress(payload, mtime=0))
        self.stdout.write(f"{len(unigrams)} dạng từ, {len(bigrams)} cặp → {output}")


def _corpus() -> list[str]:
    """The project's own Vietnamese (pages, messages, form definitions) and unit names."""
    texts = []
    for path in sorted(ROOT.glob("thidua/**/*")):
        if path.name in QUOTING_OCR:
            continue
        if path.suffix in {".html", ".py", ".json"} and "migrations" not in path.parts:
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".html":
                text = TEMPLATE_VARIABLES.sub(" 0 ", TEMPLATE_TAGS.sub(" . ", text))
            texts.append(text)
    # Names without their type word: «Xã Nam Sơn» would teach that «nam» follows «xã».
    texts += [place_name(unit) + "." for unit in _units()]
    return texts


def _mixed(word: str) -> bool:
    """Letters and digits in one word («t6», «2019a»): OCR noise or a code, not a word."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _units():
    return [*Province.iter_all(), *Ward.iter_all()]


def _chunks(texts: list[str]):
    """Runs of words between punctuation that are Vietnamese: at least one word has a mark
    (English identifiers and comments are left out)."""
    for text in texts:
        for chunk in re.split(r"[^\w\s/.-]|\n|\.\s", text):
            words = WORD.findall(chunk)
            if any(fold(word) != word.lower() for word in words):
                yield chunk
