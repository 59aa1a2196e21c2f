"""notifier: one email per finished podcast, in the learner's language."""
