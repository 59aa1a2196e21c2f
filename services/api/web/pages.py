"""HTML shells of the web pages and the static files they load.

Every page is the same layout (`html/layout.html`) around its own `<main>` (`html/<page>.html`);
the page's JS module (`static/js/<page>.js`) signs the visitor in and fills it from the REST API.
The shells hold no data, so serving them needs no token: the API decides what each visitor sees.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"

# page -> title; each has html/<page>.html and static/js/<page>.js
PAGES = {
    "signin": "Sign in",
    "podcasts": "My podcasts",
    "podcast": "Podcast",
    "progress": "My progress",
    "admin": "Dailycast administration",
}

# No inline script or style, nothing from other origins; audio plays from blob: URLs the page
# fetched with its token (or a storage service's signed https: link).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "media-src 'self' blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}

router = APIRouter(include_in_schema=False)


@cache
def render(page: str) -> str:
    layout = Template((HERE / "html" / "layout.html").read_text(encoding="utf-8"))
    main = (HERE / "html" / f"{page}.html").read_text(encoding="utf-8")
    return layout.substitute(title=PAGES[page], page=page, main=main)


def _page(page: str) -> HTMLResponse:
    return HTMLResponse(render(page), headers=HEADERS)


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC_DIR)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/podcasts/")


@router.get("/signin/")
def signin_page() -> HTMLResponse:
    return _page("signin")


@router.get("/podcasts/")
def podcasts_page() -> HTMLResponse:
    return _page("podcasts")


@router.get("/podcasts/{podcast_id}/")
def podcast_page(podcast_id: int) -> HTMLResponse:
    return _page("podcast")


@router.get("/progress/")
def progress_page() -> HTMLResponse:
    return _page("progress")


@router.get("/admin/dailycast/")
def admin_page() -> HTMLResponse:
    return _page("admin")
