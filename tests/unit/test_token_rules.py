"""The token rules without a server: the secret's settings, issue_token and read_token."""

from __future__ import annotations

import pytest
from pydantic import SecretStr, ValidationError

import time
from datetime import timedelta

import jwt

from services.api.auth import InvalidToken, Principal, TokenReader, is_service_token, issue_token, read_token
from services.api.schemas import MAX_ID
from services.api.settings import ApiSettings

SECRET = "k" * 32


def refusal(**settings) -> str:
    with pytest.raises(ValidationError) as caught:
        ApiSettings(**settings)
    (error,) = caught.value.errors()
    assert error["loc"] == ("jwt_secret",)
    return error["msg"]


@pytest.mark.parametrize("secret", ["s", "change-me", "x" * 31, "é" * 15 + "x"])
def test_a_short_secret_is_refused_outside_the_embedded_runtime(secret):
    message = refusal(runtime="kafka", jwt_secret=secret)
    assert "DAILYCAST_JWT_SECRET" in message and "32 bytes" in message
    assert len(secret) < 4 or secret not in message  # the secret itself is never printed


def test_the_secret_is_required_outside_the_embedded_runtime(monkeypatch):
    monkeypatch.delenv("DAILYCAST_JWT_SECRET", raising=False)
    assert "must be set" in refusal(runtime="kafka")
    assert "must be set" in refusal(runtime="kafka", jwt_secret="  ")


def test_the_secret_from_the_environment_is_checked_too(monkeypatch):
    monkeypatch.setenv("DAILYCAST_RUNTIME", "kafka")
    monkeypatch.setenv("DAILYCAST_JWT_SECRET", "short")
    with pytest.raises(ValidationError, match="jwt_secret"):
        ApiSettings()
    monkeypatch.setenv("DAILYCAST_JWT_SECRET", "é" * 16)  # 32 bytes in UTF-8
    assert ApiSettings().resolved_jwt_secret() == "é" * 16


def test_the_secret_is_a_secret_str():
    settings = ApiSettings(runtime="kafka", jwt_secret=SECRET)
    assert isinstance(settings.jwt_secret, SecretStr)
    assert SECRET not in repr(settings) and SECRET not in str(settings.model_dump())
    assert settings.resolved_jwt_secret() == SECRET
    assert ApiSettings(runtime="embedded", jwt_secret="dev").resolved_jwt_secret() == "dev"  # development


def test_blank_audience_and_issuer_are_unset(monkeypatch):
    monkeypatch.setenv("DAILYCAST_JWT_AUDIENCE", "")
    monkeypatch.setenv("DAILYCAST_JWT_ISSUER", " ")
    settings = ApiSettings()
    assert settings.jwt_audience is None and settings.jwt_issuer is None


def test_the_platform_events_token_is_a_long_secret_outside_development(monkeypatch):
    with pytest.raises(ValidationError) as caught:
        ApiSettings(runtime="kafka", jwt_secret=SECRET, platform_events_token="short-token")
    (error,) = caught.value.errors()
    assert error["loc"] == ("platform_events_token",) and "DAILYCAST_PLATFORM_EVENTS_TOKEN" in error["msg"]
    assert "short-token" not in error["msg"]
    token = ApiSettings(runtime="kafka", jwt_secret=SECRET, platform_events_token="t" * 32).platform_events_token
    assert isinstance(token, SecretStr) and "t" * 32 not in repr(token)
    assert ApiSettings(runtime="embedded", platform_events_token="dev").platform_events_token.get_secret_value() == "dev"
    monkeypatch.setenv("DAILYCAST_PLATFORM_EVENTS_TOKEN", " ")
    assert ApiSettings().platform_events_token is None  # blank: unset, staff only


def test_only_the_configured_service_token_is_one():
    token = SecretStr("s" * 32)
    assert is_service_token(token, "s" * 32)
    assert not any(is_service_token(token, guess) for guess in ("s" * 31, "s" * 33, "", "S" * 32, "é" * 16))
    assert not is_service_token(None, "s" * 32) and not is_service_token(None, "")


def test_issued_tokens_carry_audience_and_issuer():
    token = issue_token(SECRET, 7, True, audience="dailycast", issuer="https://platform.example")
    principal = read_token(SECRET, token, audience="dailycast", issuer="https://platform.example")
    assert (principal.user_id, principal.is_staff) == (7, True)
    with pytest.raises(InvalidToken):
        read_token(SECRET, token, audience="another")
    with pytest.raises(InvalidToken):
        read_token(SECRET, issue_token(SECRET, 7), audience="dailycast")
    with pytest.raises(InvalidToken):
        read_token(SECRET, issue_token(SECRET, 7, audience="dailycast"), audience="dailycast", issuer="x")


@pytest.mark.parametrize("user_id", [0, -1, MAX_ID + 1, True, "1", 1.0])
def test_issue_token_refuses_what_read_token_would(user_id):
    with pytest.raises(ValueError):
        issue_token(SECRET, user_id)


def test_issue_token_refuses_a_non_boolean_staff_flag():
    with pytest.raises(ValueError):
        issue_token(SECRET, 1, "false")
    assert read_token(SECRET, issue_token(SECRET, MAX_ID)).user_id == MAX_ID


def test_the_token_reader_remembers_verified_tokens_until_they_expire(monkeypatch):
    reader = TokenReader(SECRET, size=2)
    token = issue_token(SECRET, 7, ttl=timedelta(seconds=60))
    assert reader.read(token) == Principal(7)
    verified = []
    monkeypatch.setattr(jwt, "decode", lambda *a, **k: verified.append(a) or pytest.fail("verified again"))
    assert reader.read(token) == Principal(7)  # remembered: its signature is not checked again
    assert not verified
    monkeypatch.setattr(time, "time", lambda: 10**12)  # far past its exp
    with pytest.raises(InvalidToken, match="expired"):
        reader.read(token)


def test_the_token_reader_never_remembers_a_refusal_and_keeps_at_most_size_tokens():
    reader = TokenReader(SECRET, audience="dailycast", size=2)
    wrong = issue_token(SECRET, 1, audience="other")
    for _ in range(2):
        with pytest.raises(InvalidToken):
            reader.read(wrong)
    with pytest.raises(InvalidToken):
        reader.read(issue_token("x" * 32, 1, audience="dailycast"))  # another secret
    tokens = [issue_token(SECRET, n, audience="dailycast") for n in (1, 2, 3)]
    assert [reader.read(t).user_id for t in tokens] == [1, 2, 3]
    assert len(reader._known) == 2 and tokens[0] not in reader._known  # the least recently used went
