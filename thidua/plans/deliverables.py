"""What a milestone asks to be delivered, guessed from its sentence's verb and object
(issue 17): «tổ chức hội nghị» → a conference held, «gửi báo cáo» → a report, «gửi hồ sơ» →
a dossier, «gửi danh sách» → a list of exemplars, «ban hành kế hoạch» → the unit's own
plan. The verb comes first; up to four words may stand between it and its object («gửi
02 bộ hồ sơ», «tổ chức thành công Hội nghị»). The first pair in the sentence wins; a
sentence with an object but no verb falls back to the object alone. The officer checks
the guess in the draft."""

import re

from thidua.plans.models import Deliverable
from thidua.plans.wording import normalize

# (verbs, objects, deliverable), folded. The order decides between two objects only when
# they start at the same word.
PAIRS = [
    (r"to chuc|hoan thanh to chuc|tien hanh", r"hoi nghi|dai hoi|le tuyen duong|le bieu duong",
     Deliverable.CONFERENCE_HELD),
    (r"gui|nop|bao cao|hoan thien|trinh|chuyen", r"ho so", Deliverable.RESULTS_DOSSIER),
    (r"gui|nop|lap|lua chon|de xuat|gioi thieu|trinh", r"danh sach", Deliverable.EXEMPLAR_LIST),
    (r"gui|nop|hoan thanh|xay dung|tong hop|lap", r"bao cao", Deliverable.REPORT),
    (r"xay dung|ban hanh|trien khai|gui", r"ke hoach", Deliverable.OWN_PLAN),
]  # fmt: skip
OBJECTS_ALONE = [(r"danh sach", Deliverable.EXEMPLAR_LIST), (r"ho so", Deliverable.RESULTS_DOSSIER),
                 (r"hoi nghi|dai hoi", Deliverable.CONFERENCE_HELD),
                 (r"bao cao", Deliverable.REPORT), (r"ke hoach", Deliverable.OWN_PLAN)]  # fmt: skip
_GAP = r"(?:\s\S+){0,4}?"


def guess_deliverable(sentence: str) -> str:
    """The deliverable the milestone's sentence asks for, «other» when it names none."""
    text = normalize(sentence)
    found = []
    for verbs, objects, deliverable in PAIRS:
        for match in re.finditer(rf"\b(?:{verbs})\b{_GAP}\s(?:{objects})\b", text):
            found.append((match.start(), -len(match[0]), deliverable))
    if found:
        return min(found)[2]
    alone = [
        (m.start(), d) for words, d in OBJECTS_ALONE for m in re.finditer(rf"\b(?:{words})\b", text)
    ]
    return min(alone)[1] if alone else Deliverable.OTHER
