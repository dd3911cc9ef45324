"""The booklet's files: the PDF (WeasyPrint: a cover, the foreword, the contents with page
numbers, a page per exemplar with its photo and story) and the EPUB 3 (EbookLib: the same
chapters, for phones and e-readers). Only pages still public go in."""

import base64
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from ebooklib import epub

from thidua.awards.models import AwardRecord
from thidua.core.files import discarded_on_failure, release_files
from thidua.core.jobs import JobState, finish, progress
from thidua.showcase.models import Booklet, BookletJob, PublicationState


def _photo_bytes(page) -> bytes | None:
    photos = page.photos.all()  # prefetched, in order
    if not photos:
        return None
    with photos[0].image.open("rb") as handle:
        return handle.read()


def _entries(job: BookletJob) -> list:
    """The booklet's pages still public, with their photos, recognitions and the awards of
    their subjects read in a handful of queries whatever their number."""
    entries = list(
        job.booklet.entries.filter(publication__state=PublicationState.PUBLISHED)
        .select_related("publication__field", "publication__exemplar")
        .prefetch_related("publication__photos", "publication__exemplar__recognitions")
    )
    subjects = [entry.publication.exemplar.subject_id for entry in entries]
    awards: dict[int, list] = {}
    for record in AwardRecord.objects.filter(subject_id__in=subjects, revoked_on=None).order_by(
        "-year", "pk"
    ):
        awards.setdefault(record.subject_id, []).append(record)
    for entry in entries:
        entry.awards = awards.get(entry.publication.exemplar.subject_id, [])
    return entries


def _items(job: BookletJob) -> list[dict]:
    items = []
    for n, entry in enumerate(_entries(job), start=1):
        page = entry.publication
        photo = _photo_bytes(page)
        uri = f"data:image/jpeg;base64,{base64.b64encode(photo).decode()}" if photo else ""
        items.append(
            {
                "n": n,
                "page": page,
                "photo": photo,
                "photo_uri": uri,
                "paragraphs": [p for p in page.story.split("\n") if p.strip()],
                "recognitions": list(page.exemplar.recognitions.all()),
                "awards": entry.awards,
            }
        )
        if n % STEP == 0:
            progress(job, done_count=n)
    return items


STEP = 10  # progress is saved every STEP pages


def render_job(job: BookletJob) -> None:
    from weasyprint import HTML  # noqa: PLC0415 -- heavy import, only in the worker

    booklet = job.booklet
    revision = booklet.revision
    items = _items(job)
    progress(job, stage="layout", done_count=len(items))
    context = {"booklet": booklet, "items": items, "year": timezone.localdate().year}
    pdf = HTML(string=render_to_string("showcase/booklet_print.html", context)).write_pdf()
    progress(job, stage="epub", done_count=len(items) + 1)
    epub_bytes = build_epub(booklet, items)
    if not _store(booklet.pk, revision, pdf, epub_bytes):
        finish(job, state=JobState.INVALID, error=OUTDATED)
        return
    finish(job, done_count=job.total)


OUTDATED = (
    "Ấn phẩm vừa thay đổi trong lúc dàn trang (sửa nội dung, hoặc một gương điển "
    "hình thôi công khai); tệp vừa tạo đã bị bỏ. Hãy tạo lại tệp."
)


@transaction.atomic
def _store(pk: int, revision: int, pdf: bytes, epub_bytes: bytes) -> bool:
    """Keep the files only if the booklet is as it was when the rendering began (locked,
    so a withdrawal waits for this and then takes the files away)."""
    booklet = Booklet.objects.select_for_update().get(pk=pk)
    if booklet.revision != revision:
        return False
    release_files([booklet.pdf.name, booklet.epub.name])
    booklet.pdf.save("an-pham.pdf", ContentFile(pdf), save=False)
    booklet.epub.save("an-pham.epub", ContentFile(epub_bytes), save=False)
    with discarded_on_failure([booklet.pdf.name, booklet.epub.name]):
        booklet.rendered_at = timezone.now()
        booklet.save(update_fields=["pdf", "epub", "rendered_at"])
    return True


def build_epub(booklet, items: list[dict]) -> bytes:
    """The EPUB 3 of the booklet: the foreword, then a chapter (with its photo) a page."""
    book = epub.EpubBook()
    book.set_identifier(f"thidua-an-pham-{booklet.token}")
    book.set_title(booklet.title)
    book.set_language("vi")
    book.add_author(booklet.unit.name)
    style = epub.EpubItem(
        uid="style",
        file_name="style.css",
        media_type="text/css",
        content=b"body{font-family:serif;line-height:1.5} img{max-width:100%}",
    )
    book.add_item(style)
    intro = render_to_string("showcase/booklet_epub_intro.html", {"booklet": booklet})
    chapters = [_chapter("gioi-thieu", "Lời giới thiệu", intro, style)]
    chapters += [_exemplar_chapter(book, item, style) for item in items]
    for chapter in chapters:
        book.add_item(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


def _exemplar_chapter(book, item: dict, style) -> epub.EpubHtml:
    if item["photo"]:
        book.add_item(
            epub.EpubImage(
                uid=f"anh{item['n']}",
                file_name=f"anh/{item['n']}.jpg",
                media_type="image/jpeg",
                content=item["photo"],
            )
        )
    html = render_to_string("showcase/booklet_epub_chapter.html", {"item": item})
    return _chapter(f"guong-{item['n']}", item["page"].headline, html, style)


def _chapter(name: str, title: str, html: str, style) -> epub.EpubHtml:
    chapter = epub.EpubHtml(title=title, file_name=f"{name}.xhtml", lang="vi")
    chapter.content = html
    chapter.add_item(style)
    return chapter
