import pytest
from django.core.management import call_command

from thidua.core.models import SearchWord
from thidua.core.search import allowed_edits, corrections
from thidua.exemplars import selectors, services

WORDS = ["van", "nguyen", "an", "anh", "on", "tam", "thanh", "vinh"]


def test_short_words_must_match_exactly_longer_ones_forgive_typos():
    assert [allowed_edits(w) for w in ["an", "van", "nguyen", "hoptacxa"]] == [0, 1, 1, 2]
    assert "van" in corrections("vna", WORDS)  # two letters swapped
    assert "nguyen" in corrections("nguyne", WORDS)
    assert corrections("an", WORDS) == {"an"}  # too short to forgive anything
    assert corrections("binh", WORDS) == {"binh", "vinh"}  # "tam", "thanh" stay out


def test_the_services_keep_the_vocabulary_and_a_command_rebuilds_it(person_a, exemplar_a):
    kept = set(SearchWord.objects.values_list("word", flat=True))
    SearchWord.objects.all().delete()

    call_command("rebuild_search_words", verbosity=0)

    assert {"nguyen", "van", "an", "lua", "huu"} <= kept
    assert set(SearchWord.objects.values_list("word", flat=True)) == kept


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


def test_the_typo_fallback_finds_every_namesake_however_many(officer_a, commune_a):
    for n in range(40):  # many near-duplicates: all of them, not the first few candidates
        services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                name="Nguyễn Văn Ân" if n % 2 else "Nguyễn Văn An")  # fmt: skip
        services.create_subject(actor=officer_a, unit=commune_a, kind="individual",
                                name=f"Nguyễn Văn Tâm {n}")  # fmt: skip

    found = selectors.subject_list(officer_a, q="nguyne vna an")

    assert {s.name for s in found} == {"Nguyễn Văn An", "Nguyễn Văn Ân"}
    assert found.count() == 40
