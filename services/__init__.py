"""The four Dailycast services: api, scriptgen, tts and notifier."""
