from thidua.core.text import fold, person_sort_key, sort_key


def test_fold_strips_diacritics_case_and_extra_spaces():
    assert fold("  Xã  Đại Sơn ") == "xa dai son"
    assert fold("ĐẮK LẮK") == "dak lak"


def test_fold_of_composed_and_decomposed_input_is_the_same():
    decomposed = "Xa\u0303 \u0110a\u0323i So\u031bn"

    assert fold(decomposed) == fold("Xã Đại Sơn")


def test_sort_key_follows_the_vietnamese_alphabet():
    words = ["đa", "da", "ba", "ân", "ăn", "an", "ê", "e", "ơ", "ô", "o", "ư", "u"]

    assert sorted(words, key=sort_key) == [
        "an", "ăn", "ân", "ba", "da", "đa", "e", "ê", "o", "ô", "ơ", "u", "ư",
    ]  # fmt: skip


def test_sort_key_breaks_ties_by_tone_in_dictionary_order():
    tones = ["ạ", "á", "ã", "ả", "à", "a"]

    assert sorted(tones, key=sort_key) == ["a", "à", "ả", "ã", "á", "ạ"]


def test_sort_key_puts_letters_before_tones():
    # "bà" < "bác": the second word's extra letter decides before any tone does.
    assert sort_key("bà") < sort_key("bác")
    assert sort_key("Xã An") < sort_key("Xã Ân")


def test_person_sort_key_sorts_by_given_name_first():
    names = ["Trần Văn Bình", "Nguyễn Thị An", "Lê Văn Ân", "Phạm An"]

    assert sorted(names, key=person_sort_key) == [
        "Nguyễn Thị An", "Phạm An", "Lê Văn Ân", "Trần Văn Bình",
    ]  # fmt: skip
