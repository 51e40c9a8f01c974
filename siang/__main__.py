"""`python -m siang` is the `siang` command."""

from siang.cli import main

main()
