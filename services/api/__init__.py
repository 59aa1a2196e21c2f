"""api: the REST API and web pages, the outbox relay, and the read-model projector."""
