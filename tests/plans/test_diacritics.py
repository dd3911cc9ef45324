"""Readable Vietnamese from a mangled scan (issue 17, part 2): each word's marks chosen in
context by the syllable model the project ships. None of these sentences are from the
development sets."""

import gzip
import json

from django.core.management import call_command

from thidua.plans.diacritics import looks_mangled, restore


def test_marks_are_restored_in_context():
    assert restore("Ke hoach to chuc Hoi nghi dien hinh tien tien cap xa nam 2027") == (
        "Kế hoạch tổ chức Hội nghị điển hình tiên tiến cấp xã năm 2027"
    )


def test_letters_misread_by_the_scan_are_replaced():
    # A scan reads «ư» as «w» and drops the marks of a name: «nwóc», «Lâm Dong».
    assert restore("Thi đua yêu nwóc tỉnh Lâm Dong") == "Thi đua yêu nước tỉnh Lâm Đồng"


def test_a_correctly_marked_sentence_survives():
    # Names the model has never seen keep their plausible marks; Roman numerals stay.
    for sentence in (
        "Ủy ban nhân dân tỉnh Nghệ An tổ chức Hội nghị điển hình tiên tiến lần thứ VI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "Bà Nguyễn Thị Hường ở Pà Cò được tặng Bằng khen",
    ):
        assert restore(sentence) == sentence


def test_marks_no_syllable_has_are_restored():
    # «tién» (an acute on a plain e after i) is no Vietnamese syllable: OCR made it.
    assert restore("Hoi nghi dién hinh tién tién") == "Hội nghị điển hình tiên tiến"


def test_a_long_run_of_words_takes_linear_time():
    # Runs are cut at punctuation and at MAX_RUN words, and decided with back-pointers.
    long = "ke hoach to chuc hoi nghi " * 20_000

    assert restore(long).startswith("kế hoạch tổ chức hội nghị")


def test_case_punctuation_numbers_and_unknown_words_are_kept():
    assert restore("KHEN THUONG, xyzq 12/KH-UBND (2026).") == "KHEN THƯỞNG, xyzq 12/KH-UBND (2026)."


def test_only_a_mangled_text_reads_as_mangled():
    clean = "Ủy ban nhân dân xã ban hành kế hoạch tổ chức hội nghị điển hình tiên tiến."
    mangled = "Uy ban nhan dan xa ban hanh ke hoach to chuc hoi nghi dien hinh tien tien."

    assert not looks_mangled(clean)
    assert looks_mangled(mangled)
    assert not looks_mangled("2026")


def test_the_model_is_rebuilt_from_the_projects_own_text(tmp_path):
    output = tmp_path / "model.json.gz"

    call_command("build_syllable_model", output=output)

    data = json.loads(gzip.decompress(output.read_bytes()))
    assert data["unigrams"]["thưởng"] > 10
    assert data["bigrams"]["thi đua"] > 10
    assert data["bigrams"]["đại sơn"] >= 1  # the communes' names, without «Xã»
    assert "xã đại" not in data["bigrams"] or data["bigrams"]["xã đại"] < data["bigrams"]["đại sơn"]
