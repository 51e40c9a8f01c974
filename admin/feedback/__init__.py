"""The work queue: list, read and act on feedback items within the caller's scope."""
