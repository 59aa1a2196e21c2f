"""The whole system with its audio on S3 (moto's server): presigned links, redirects, deletion."""

from urllib.parse import parse_qs, urlsplit

import httpx

from system.builder import Adapters
from dailycast.storage.audio_store import audio_key
from tests.utils.fakes import FakeSynthesizer
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)
from tests.utils.system import running_system, wait_for


def keys(s3, bucket: str, prefix: str) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])]


def assert_presigned(url: str, moto, bucket: str, key: str) -> None:
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}" == moto.endpoint_url and parts.path == f"/{bucket}/{key}"
    assert query["X-Amz-Expires"] == ["60"] and query["X-Amz-Signature"] and query["X-Amz-Credential"]


def test_podcasts_link_their_audio_on_s3_and_take_it_away_when_deleted(monkeypatch, tmp_path, moto):
    s3, bucket = moto.client("s3"), moto.bucket()
    env = dict(
        DAILYCAST_SPEECH="local",  # moto's fake credentials would otherwise choose Polly
        DAILYCAST_S3_BUCKET=bucket,
        DAILYCAST_S3_ENDPOINT_URL=moto.endpoint_url,
        DAILYCAST_AUDIO_URL_TTL_SECONDS=60,
    )
    with running_system(monkeypatch, tmp_path / "data", Adapters(synthesizer=FakeSynthesizer()), **env) as api:
        created = api.create(languages=["en", "ja"], output_format="audio")
        podcast = api.finished(created.json()["id"])
        assert podcast["status"] == "completed", podcast["error_message"]
        prefix = f"podcasts/{podcast['id']}/"
        tracks = {t["language"]: t for t in podcast["audio"]}
        assert set(tracks) == {"en", "ja"}
        for language, track in tracks.items():
            assert_presigned(track["url"], moto, bucket, audio_key(podcast["id"], 1, language))
            audio = httpx.get(track["url"]).content
            assert audio.startswith(b"ID3") and audio.endswith(b"\xff\xfb" + bytes(100))  # FakeSynthesizer's, tagged
            assert track["question_times"][0]["question_id"] == "q1"
        assert_presigned(podcast["audio_file"], moto, bucket, audio_key(podcast["id"], 1, "en"))

        redirect = api.get(f"/api/podcasts/{podcast['id']}/audio/ja", follow_redirects=False)
        assert redirect.status_code == 307
        assert_presigned(redirect.headers["location"], moto, bucket, audio_key(podcast["id"], 1, "ja"))
        assert api.get(f"/api/podcasts/{podcast['id']}/audio/ja", 2, follow_redirects=False).status_code == 404
        assert not list((tmp_path / "data").rglob("*.mp3"))  # nothing kept locally

        assert len(keys(s3, bucket, prefix)) == 3  # two MP3s and the track manifest
        assert api.client.delete(f"/api/podcasts/{podcast['id']}/", headers=api.auth(1)).status_code == 204
        wait_for(lambda: keys(s3, bucket, prefix) == [], timeout=30)
