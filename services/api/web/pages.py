"""HTML shells of the web pages and the static files they load.

Every page is the same layout (`html/layout.html`) around its own `<main>` (`html/<page>.html`);
the page's JS module (`static/js/<page>.js`) signs the visitor in and fills it from the REST API.
The shells hold no data, so serving them needs no token: the API decides what each visitor sees.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from string import Template

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response
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

# The installable web app (static/service-worker.js says what it caches, and why).
SERVICE_WORKER = STATIC_DIR / "service-worker.js"
PAGE_PATHS = ("/signin/", "/podcasts/", "/podcasts/0/", "/progress/", "/admin/dailycast/")
MANIFEST = {
    "name": "Dailycast", "short_name": "Dailycast", "description": "Your daily learning podcast",
    "start_url": "/podcasts/", "scope": "/", "display": "standalone",
    "background_color": "#f6f7f9", "theme_color": "#1d2330",
    "icons": [{"src": f"/static/icons/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png",
               "purpose": "any"} for size in (192, 512)],
}


@cache
def render(page: str) -> str:
    layout = Template((HERE / "html" / "layout.html").read_text(encoding="utf-8"))
    main = (HERE / "html" / f"{page}.html").read_text(encoding="utf-8")
    return layout.substitute(title=PAGES[page], page=page, main=main)


@cache
def shell() -> list[str]:
    """What the service worker caches at install: every page and every static file."""
    files = sorted(p for p in STATIC_DIR.rglob("*") if p.is_file() and p != SERVICE_WORKER)
    return [*PAGE_PATHS, *(f"/static/{p.relative_to(STATIC_DIR).as_posix()}" for p in files)]


@cache
def service_worker() -> str:
    digest = hashlib.sha256()  # a new version whenever a page or a static file changes
    for path in sorted([*(HERE / "html").glob("*.html"), *STATIC_DIR.rglob("*")]):
        if path.is_file():
            digest.update(path.read_bytes())
    return (SERVICE_WORKER.read_text(encoding="utf-8").replace("'__VERSION__'", json.dumps(digest.hexdigest()[:16]))
            .replace("'__SHELL__'", json.dumps(shell())))


def _page(page: str) -> HTMLResponse:
    return HTMLResponse(render(page), headers=HEADERS)


def static_files() -> StaticFiles:
    return StaticFiles(directory=STATIC_DIR)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/podcasts/")


@router.get("/service-worker.js")
def service_worker_script() -> Response:
    # At the root, so that it controls every page (a worker's scope is its folder).
    return Response(service_worker(), media_type="text/javascript", headers=HEADERS)


@router.get("/manifest.webmanifest")
def manifest() -> Response:
    return Response(json.dumps(MANIFEST), media_type="application/manifest+json", headers=HEADERS)


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
