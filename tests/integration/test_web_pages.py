"""The web pages' server side: HTML shells and static files, the development sign-in, /api/learners/."""

from __future__ import annotations

import re
import typing
from html.parser import HTMLParser

import pytest

from services.api.schemas import Language
from services.api.settings import ApiSettings
from services.api.web import pages
from tests.utils.system import running_system

PAGE_PATHS = {"/signin/": "signin", "/podcasts/": "podcasts", "/podcasts/7/": "podcast",
              "/progress/": "progress", "/admin/dailycast/": "admin"}


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        with running_system(monkeypatch, tmp_path_factory.mktemp("web") / "data") as api:
            yield api


def test_every_page_is_served_with_its_module_and_a_strict_policy(api):
    for path, page in PAGE_PATHS.items():
        response = api.client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert f'src="/static/js/{page}.js"' in response.text
        assert "script-src 'self'" in response.headers["content-security-policy"]
    home = api.client.get("/", follow_redirects=False)
    assert home.status_code in (302, 307) and home.headers["location"] == "/podcasts/"
    assert api.client.get("/podcasts/not-a-number/").status_code in (404, 422)


def test_every_module_and_what_it_imports_is_served(api):
    """No build step: a missing or misspelt import would only show in the browser, so check here."""
    css = api.client.get("/static/css/app.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    seen, todo = set(), [f"{page}.js" for page in pages.PAGES]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        response = api.client.get(f"/static/js/{name}")
        assert response.status_code == 200, name
        assert "javascript" in response.headers["content-type"]
        todo += re.findall(r"""from '\./([\w-]+\.js)'""", response.text)
    assert {"api.js", "session.js", "ui.js", "player.js", "chart.js"} <= seen


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls, self.labels = [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        if tag in ("select", "textarea") or (tag == "input" and a.get("type") not in ("hidden", "submit")):
            self.controls.append(a.get("id"))


@pytest.mark.parametrize("page", sorted(pages.PAGES))
def test_every_control_in_the_pages_has_a_label(page):
    parser = _Controls()
    parser.feed(pages.render(page))
    assert all(control in parser.labels for control in parser.controls), (parser.controls, parser.labels)


def test_the_pages_know_the_apis_languages():
    source = (pages.STATIC_DIR / "js" / "i18n.js").read_text()
    block = source.split("export const LANGUAGES = [")[1].split("]")[0]
    assert re.findall(r"'(\w\w)'", block) == list(typing.get_args(Language))


def test_development_sign_in_gives_tokens_the_api_accepts(api):
    learners = api.client.get("/dev/learners")
    assert learners.status_code == 200
    assert [(l["id"], l["name"]) for l in learners.json()][:3] == [(1, "Aiko Tanaka"), (2, "Lucas Martin"),
                                                                  (3, "Sam Rivera")]
    learner = api.client.post("/dev/token", json={"user_id": 2}).json()
    assert learner["user_id"] == 2 and learner["is_staff"] is False
    mine = {"Authorization": f"Bearer {learner['token']}"}
    assert api.client.get("/api/podcasts/", headers=mine).status_code == 200
    assert api.client.get("/api/learners/", headers=mine).status_code == 403

    staff = api.client.post("/dev/token", json={"staff": True}).json()
    assert staff["is_staff"] is True
    assert api.client.get("/api/learners/", headers={"Authorization": f"Bearer {staff['token']}"}).status_code == 200

    unknown = api.client.post("/dev/token", json={"user_id": 4242})
    assert unknown.status_code == 422 and unknown.json()["detail"][0]["loc"] == ["body", "user_id"]
    assert api.client.post("/dev/token", json={"user_id": 1, "extra": 1}).status_code == 422


def test_development_sign_in_answers_404_when_disabled(monkeypatch, tmp_path):
    with running_system(monkeypatch, tmp_path / "data", DAILYCAST_DEV_SIGNIN="false") as api:
        assert api.client.get("/dev/learners").status_code == 404
        assert api.client.post("/dev/token", json={"user_id": 1}).status_code == 404
        assert api.client.post("/dev/token", content=b"not json").status_code == 404
        assert api.client.get("/signin/").status_code == 200  # pasting a platform token still works


def test_development_sign_in_is_off_by_default_on_kafka_only(monkeypatch):
    monkeypatch.delenv("DAILYCAST_DEV_SIGNIN", raising=False)
    assert ApiSettings(runtime="embedded").dev_signin_enabled() is True
    assert ApiSettings(runtime="kafka", jwt_secret="s" * 32).dev_signin_enabled() is False
    assert ApiSettings(runtime="kafka", jwt_secret="s" * 32, dev_signin=True).dev_signin_enabled() is True


def test_learners_are_listed_to_staff_only(api):
    staff = api.get("/api/learners/", user_id=99, staff=True)
    assert staff.status_code == 200
    body = staff.json()
    assert [l["id"] for l in body] == sorted(l["id"] for l in body)
    assert body[0] == {"id": 1, "name": "Aiko Tanaka", "email": "aiko@example.com", "locale": "ja-JP"}
    assert api.get("/api/learners/", user_id=1).status_code == 403
    assert api.client.get("/api/learners/").status_code == 401
    assert api.client.get("/api/learners/", headers={"Authorization": "Bearer nope"}).status_code == 401


def test_a_learner_reads_their_own_record_and_its_locale(api):
    """The pages take their language from the learner's locale, read at sign-in."""
    assert api.get("/api/learners/me", user_id=1).json() == {
        "id": 1, "name": "Aiko Tanaka", "email": "aiko@example.com", "locale": "ja-JP"}
    assert api.get("/api/learners/me", user_id=99, staff=True).status_code == 404  # staff are no learner
    assert api.client.get("/api/learners/me").status_code == 401


def test_the_pages_are_an_installable_app_whose_worker_caches_every_page_and_file(api):
    manifest = api.client.get("/manifest.webmanifest")
    assert manifest.status_code == 200 and manifest.headers["content-type"].startswith("application/manifest+json")
    body = manifest.json()
    assert body["start_url"] == "/podcasts/" and body["display"] == "standalone"
    assert {icon["sizes"] for icon in body["icons"]} == {"192x192", "512x512"}
    for icon in body["icons"]:
        assert api.client.get(icon["src"]).content[:8] == b"\x89PNG\r\n\x1a\n"
    assert 'rel="manifest" href="/manifest.webmanifest"' in api.client.get("/podcasts/").text

    worker = api.client.get("/service-worker.js")
    assert worker.status_code == 200 and "javascript" in worker.headers["content-type"]
    assert "__SHELL__" not in worker.text and "__VERSION__" not in worker.text
    shell = pages.shell()
    assert {"/static/js/i18n.js", "/static/js/offline.js", "/static/i18n/ja.json", "/podcasts/0/"} <= set(shell)
    assert all(api.client.get(path).status_code == 200 for path in shell)  # what install caches must exist
