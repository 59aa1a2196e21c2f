import pytest

# Provider keys in a developer's shell must never send a test to the real OpenAI, Gemini, AWS
# or an SMTP server: tests that want a provider point it at a local server themselves.
PROVIDER_SETTINGS = (
    "OPENAI_API_KEY", "OPENAI_BASE_URL", "GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GEMINI_BASE_URL",
    "DAILYCAST_SMTP_HOST", "DAILYCAST_S3_BUCKET", "DAILYCAST_SPEECH",
    "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
)


@pytest.fixture(autouse=True)
def no_real_providers(monkeypatch):
    for name in PROVIDER_SETTINGS:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def no_daily_scheduler(monkeypatch):
    # A system in a test requests only the podcasts the test asks for; the scheduler's tests turn it on.
    monkeypatch.setenv("DAILYCAST_SCHEDULER", "false")
