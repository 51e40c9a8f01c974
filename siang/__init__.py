"""Siang's composition root: settings, the app factory, the CLI, the worker and the scheduler."""
