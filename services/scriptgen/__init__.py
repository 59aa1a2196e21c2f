"""scriptgen: turns a PodcastRequested into a script through the writer chain."""
