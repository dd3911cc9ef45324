import pytest

from thidua.core.search import allowed_edits, word_matches
from thidua.exemplars import selectors, services


def test_short_words_must_match_exactly_longer_ones_forgive_typos():
    assert [allowed_edits(w) for w in ["an", "van", "nguyen", "hoptacxa"]] == [0, 1, 1, 2]
    assert word_matches("vna", ["van"])  # two letters swapped
    assert word_matches("nguyne", ["nguyen"])
    assert word_matches("an", ["anh"])  # a word typed in part still matches
    assert not word_matches("an", ["on"])
    assert not word_matches("binh", ["tam", "thanh"])


@pytest.mark.parametrize(
    "query", ["nguyen van an", "Nguyễn Văn Ân", "NGUYEN VAN AN", "nguyne van an", "nguyen vna an"]
)
def test_subjects_are_found_despite_diacritics_case_and_a_typo(officer_a, person_a, query):
    assert list(selectors.subject_list(officer_a, q=query)) == [person_a]


def test_a_typo_never_reaches_outside_the_scope(officer_b, person_a):
    assert list(selectors.subject_list(officer_b, q="nguyne van an")) == []


def test_unrelated_words_find_nothing(officer_a, person_a):
    assert list(selectors.subject_list(officer_a, q="tran thi binh")) == []


def test_exact_matches_come_sorted_by_given_name(officer_a, commune_a, person_a):
    other = services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                    name="Nguyễn Văn An")  # fmt: skip
    services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                            name="Nguyễn Văn Anh")  # fmt: skip

    found = list(selectors.subject_list(officer_a, q="nguyen van an"))

    # "an" is contained in "anh" too; a < â decides first: An < Anh < Ân.
    assert [s.name for s in found] == ["Nguyễn Văn An", "Nguyễn Văn Anh", "Nguyễn Văn Ân"]
    assert found[0] == other


def test_exemplars_are_found_despite_a_typo(officer_a, exemplar_a):
    assert list(selectors.exemplar_list(officer_a, q="trong lau huu co")) == [exemplar_a]
