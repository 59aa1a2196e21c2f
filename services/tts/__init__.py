"""tts: speaks each language's script, stores the audio, and completes audio podcasts."""
