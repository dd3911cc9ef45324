"""The booklet's files: the PDF (WeasyPrint: a cover, the foreword, the contents with page
numbers, a page per exemplar with its photo and story) and the EPUB 3 (EbookLib: the same
chapters, for phones and e-readers). Only pages still public go in."""

import base64
import io

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from ebooklib import epub

from thidua.core.jobs import finish, progress
from thidua.showcase.models import BookletJob, PublicationState
from thidua.showcase.selectors import honours_of


def _photo_bytes(page) -> bytes | None:
    photo = page.photos.order_by("position", "pk").first()
    if photo is None:
        return None
    with photo.image.open("rb") as handle:
        return handle.read()


def _items(job: BookletJob) -> list[dict]:
    entries = job.booklet.entries.filter(
        publication__state=PublicationState.PUBLISHED
    ).select_related("publication__field", "publication__exemplar")
    items = []
    for n, entry in enumerate(entries, start=1):
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
                **honours_of(page),
            }
        )
        progress(job, done_count=n)
    return items


def render_job(job: BookletJob) -> None:
    from weasyprint import HTML  # noqa: PLC0415 -- heavy import, only in the worker

    booklet = job.booklet
    items = _items(job)
    progress(job, stage="layout", done_count=len(items))
    context = {"booklet": booklet, "items": items, "year": timezone.localdate().year}
    pdf = HTML(string=render_to_string("showcase/booklet_print.html", context)).write_pdf()
    progress(job, stage="epub", done_count=len(items) + 1)
    booklet.pdf.save("an-pham.pdf", ContentFile(pdf), save=False)
    booklet.epub.save("an-pham.epub", ContentFile(build_epub(booklet, items)), save=False)
    booklet.rendered_at = timezone.now()
    booklet.save(update_fields=["pdf", "epub", "rendered_at"])
    finish(job, done_count=job.total)


def build_epub(booklet, items: list[dict]) -> bytes:
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
    intro = _chapter(
        "gioi-thieu",
        "Lời giới thiệu",
        render_to_string("showcase/booklet_epub_intro.html", {"booklet": booklet}),
        style,
    )
    chapters = [intro]
    for item in items:
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
        chapters.append(_chapter(f"guong-{item['n']}", item["page"].headline, html, style))
    for chapter in chapters:
        book.add_item(chapter)
    book.toc = chapters
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *chapters]
    buffer = io.BytesIO()
    epub.write_epub(buffer, book)
    return buffer.getvalue()


def _chapter(name: str, title: str, html: str, style) -> epub.EpubHtml:
    chapter = epub.EpubHtml(title=title, file_name=f"{name}.xhtml", lang="vi")
    chapter.content = html
    chapter.add_item(style)
    return chapter
