"""The citizen's rights over their own data (PDPA): consent, a copy of what Siang holds, erasure.

`consent` records the answer to the PDPA notice, `export` gathers everything held about one
citizen, `erasure` removes their personal data and keeps the anonymous statistics. None of them
commits: the caller's unit of work does, and deletes the erased photos' files only after it.
"""
