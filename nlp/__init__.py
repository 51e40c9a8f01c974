"""Thai language for Siang: text (and optional coordinates) in, structured facts out.

This package depends on nothing else of ours, so it can be evaluated, benchmarked and reused alone.
"""
