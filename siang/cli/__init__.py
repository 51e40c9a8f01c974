"""The `siang` command line: serve, database, feedback, NLP and more (`siang --help`)."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError

from siang.cli import (
    db,
    demo,
    digest,
    feedback,
    media,
    nlp,
    routing,
    serve,
    telegram,
    users,
    worker,
)

app = typer.Typer(
    name="siang",
    help="Siang (เสียง): citizen feedback for Thai government.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(db.app, name="db")
app.add_typer(feedback.app, name="feedback")
app.add_typer(users.app, name="users")
app.add_typer(digest.app, name="digest")
app.add_typer(media.app, name="media")
app.command("serve")(serve.serve)
app.command("demo")(demo.demo)
app.command("worker")(worker.worker)
app.add_typer(telegram.app, name="telegram")
app.add_typer(routing.app, name="routing")
app.add_typer(nlp.app, name="nlp")


def describe_settings_error(error: ValidationError) -> str:
    """Name each bad setting as the environment spells it."""
    lines = ["Siang cannot start: a setting is wrong."]
    for problem in error.errors():
        field = ".".join(str(part) for part in problem["loc"])
        lines.append(f"  SIANG_{field.upper()}: {problem['msg']}")
    return "\n".join(lines)


def main() -> None:
    try:
        app()
    except ValidationError as error:
        if error.title != "Settings":
            raise
        typer.echo(describe_settings_error(error), err=True)
        sys.exit(2)
