"""The composition root: builds and runs the services it is asked for; imported by nothing."""
