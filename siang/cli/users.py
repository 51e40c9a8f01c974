"""`siang users create`: make an account (the first admin, or one for a script) from the terminal."""

from __future__ import annotations

import asyncio
import secrets
from typing import Annotated

import typer

from siang.settings import get_settings
from storage.models import UserRole

app = typer.Typer(help="Officials', board members', analysts' and admins' accounts.")


async def _create(
    *,
    email: str,
    role: UserRole,
    password: str,
    full_name: str,
    agencies: list[str],
    province: str | None,
    supervisor: bool,
    print_token: bool,
) -> tuple[int, str | None]:
    from admin.auth.service import create_api_key
    from storage.database import Database
    from storage.repositories.users import create_user

    database = Database(get_settings().database_url)
    try:
        async with database.unit_of_work() as session:
            user = await create_user(
                session,
                email=email,
                role=role,
                password=password,
                full_name=full_name,
                agency_codes=agencies,
                province=province,
                supervisor=supervisor,
            )
            assert user.id is not None
            token = None
            if print_token:
                created = await create_api_key(session, user_id=user.id, name="siang users create")
                token = created.secret
            return user.id, token
    finally:
        await database.dispose()


@app.command("create")
def create(
    email: Annotated[str, typer.Option("--email", help="The account's e-mail (its login).")],
    role: Annotated[UserRole, typer.Option("--role", help="admin, official, board or analyst.")],
    agency: Annotated[
        list[str] | None,
        typer.Option("--agency", help="An agency code the official works for (repeatable)."),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option("--province", help="A board member's province (code, Thai or English name)."),
    ] = None,
    full_name: Annotated[str, typer.Option("--name", help="The person's name.")] = "",
    password: Annotated[
        str | None,
        typer.Option("--password", help="Sign-in password (a random one is made and shown)."),
    ] = None,
    supervisor: Annotated[
        bool, typer.Option("--supervisor", help="Supervises their agencies.")
    ] = False,
    print_token: Annotated[
        bool,
        typer.Option("--print-token", help="Make an API key and print it as the last line."),
    ] = False,
) -> None:
    """Create an account; with --print-token its last output line is a bearer token."""
    from storage.repositories.users import UserInputError

    chosen_password = password or secrets.token_urlsafe(12)
    try:
        user_id, token = asyncio.run(
            _create(
                email=email,
                role=role,
                password=chosen_password,
                full_name=full_name,
                agencies=agency or [],
                province=province,
                supervisor=supervisor,
                print_token=print_token,
            )
        )
    except UserInputError as bad:
        typer.echo(f"cannot create the account: {bad}", err=True)
        raise typer.Exit(1) from bad
    typer.echo(f"created {role.value} {email} (id {user_id})")
    if password is None:
        typer.echo(f"password: {chosen_password}")
    if token is not None:
        typer.echo("API key (revoke with DELETE /api/v1/auth/api-keys/ID):")
        typer.echo(token)
