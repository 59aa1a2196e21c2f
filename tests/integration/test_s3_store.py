"""S3AudioStore against moto's S3 server, over HTTP with boto3."""

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from dailycast.storage.s3_audio_store import S3AudioStore
from tests.utils.moto_server import moto, moto_server  # noqa: F401 (fixtures)

MP3 = b"\xff\xf3d\xc4" + bytes(200)


@pytest.fixture
def s3(moto):
    return moto.client("s3")


@pytest.fixture
def store(moto, s3):
    return S3AudioStore(moto.bucket(), s3, url_ttl_seconds=120)


def keys(s3, bucket: str) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


async def test_put_then_get_keeps_bytes_and_content_type(store, s3):
    await store.put("podcasts/1/attempt-1/en.mp3", MP3, "audio/mpeg")
    assert await store.get("podcasts/1/attempt-1/en.mp3") == MP3
    head = s3.head_object(Bucket=store.bucket, Key="podcasts/1/attempt-1/en.mp3")
    assert head["ContentType"] == "audio/mpeg" and head["ContentLength"] == len(MP3)


async def test_a_missing_object_is_none(store):
    assert await store.get("podcasts/404/attempt-1/tracks.json") is None


async def test_objects_are_private_and_the_presigned_link_opens_them(store, s3, moto):
    key = "podcasts/2/attempt-1/ja.mp3"
    await store.put(key, MP3, "audio/mpeg")
    grants = s3.get_object_acl(Bucket=store.bucket, Key=key)["Grants"]
    assert [g["Permission"] for g in grants] == ["FULL_CONTROL"]  # the owner's only: no public read
    url = store.url(key)
    query = parse_qs(urlsplit(url).query)
    assert url.startswith(f"{moto.endpoint_url}/{store.bucket}/{key}?")
    assert query["X-Amz-Expires"] == ["120"] and query["X-Amz-Signature"]
    signed = httpx.get(url)
    assert signed.status_code == 200 and signed.content == MP3
    anonymous = httpx.get(url.split("?")[0])
    assert anonymous.status_code == 403


async def test_delete_prefix_removes_every_page_of_one_podcast_only(moto, s3):
    store = S3AudioStore(moto.bucket(), s3, page_size=2)  # several pages with few objects
    for n in range(5):
        await store.put(f"podcasts/3/attempt-{n}/en.mp3", MP3, "audio/mpeg")
    await store.put("podcasts/30/attempt-1/en.mp3", MP3, "audio/mpeg")
    await store.delete_prefix("podcasts/3/")
    assert keys(s3, store.bucket) == ["podcasts/30/attempt-1/en.mp3"]
    await store.delete_prefix("podcasts/3/")  # twice is harmless


async def test_a_key_prefix_places_every_object_under_it(moto, s3):
    store = S3AudioStore(moto.bucket(), s3, prefix="dailycast/")
    await store.put("podcasts/4/attempt-1/en.mp3", MP3, "audio/mpeg")
    assert keys(s3, store.bucket) == ["dailycast/podcasts/4/attempt-1/en.mp3"]
    assert httpx.get(store.url("podcasts/4/attempt-1/en.mp3")).content == MP3
    await store.delete_prefix("podcasts/4/")
    assert keys(s3, store.bucket) == []


async def test_a_missing_bucket_is_an_error_not_a_missing_object(moto, s3):
    store = S3AudioStore("no-such-bucket-here", s3)
    with pytest.raises(Exception, match="NoSuchBucket"):
        await store.get("podcasts/1/attempt-1/tracks.json")
