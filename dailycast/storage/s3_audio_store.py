"""The AudioStore port on Amazon S3: private objects, handed out by short-lived presigned links."""

from __future__ import annotations

import asyncio

from botocore.exceptions import ClientError

_MISSING = ("NoSuchKey", "404", "NotFound")


class S3AudioStore:
    """Audio objects in a private bucket; `url` presigns a GET, so the API never streams audio."""

    links_directly = True

    def __init__(self, bucket: str, client, url_ttl_seconds: int = 300, prefix: str = "", page_size: int = 1000):
        """`client` is a boto3 S3 client (shareable between threads); a page is at most 1000 keys."""
        self.bucket = bucket
        self.page_size = page_size
        self.prefix = prefix
        self.url_ttl_seconds = url_ttl_seconds
        self._client = client

    async def put(self, key: str, data: bytes, content_type: str) -> None:
        # No ACL: objects stay as private as the bucket (and buckets that enforce ownership refuse ACLs).
        await asyncio.to_thread(
            self._client.put_object, Bucket=self.bucket, Key=self._key(key), Body=data, ContentType=content_type
        )

    async def get(self, key: str) -> bytes | None:
        return await asyncio.to_thread(self._get, self._key(key))

    async def delete_prefix(self, prefix: str) -> None:
        await asyncio.to_thread(self._delete_prefix, self._key(prefix))

    def url(self, key: str, method: str = "GET") -> str | None:
        """A presigned GET (or HEAD: a signature holds for one method) link that works for
        `url_ttl_seconds` (signed locally, no request)."""
        return self._client.generate_presigned_url(
            "head_object" if method == "HEAD" else "get_object", Params={"Bucket": self.bucket, "Key": self._key(key)}, ExpiresIn=self.url_ttl_seconds
        )

    def _key(self, key: str) -> str:
        return self.prefix + key

    def _get(self, key: str) -> bytes | None:
        try:
            response = self._client.get_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in _MISSING:
                return None
            raise
        with response["Body"] as body:
            return body.read()

    def _delete_prefix(self, prefix: str) -> None:
        pages = self._client.get_paginator("list_objects_v2").paginate(
            Bucket=self.bucket, Prefix=prefix, PaginationConfig={"PageSize": self.page_size}
        )
        for page in pages:  # S3 lists at most 1000 keys a page: also delete_objects' limit
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:
                self._delete(keys)

    def _delete(self, keys: list[dict]) -> None:
        response = self._client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
        if response.get("Errors"):
            errors = response["Errors"]
            example = f"{errors[0].get('Key')}: {errors[0].get('Message')}"
            raise RuntimeError(f"S3 did not delete {len(errors)} objects, e.g. {example}")
