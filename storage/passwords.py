"""Password hashing with argon2 (shared by sign-in and by whoever creates accounts)."""

from __future__ import annotations

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

# argon2-cffi's default cost (RFC 9106's low-memory profile: 64 MiB, 3 passes). A hash records
# its own parameters, so a check reads any hash whatever cost made it.
_hasher = PasswordHasher()
# Verifying against a real hash when the account is unknown keeps the timing the same.
_DUMMY_HASH = _hasher.hash("not-a-password")


def use_cheapest_hashing_for_tests() -> None:
    """argon2-cffi's own CHEAPEST profile (8 KiB, one pass), which exists for test suites: the
    suite makes well over a thousand accounts, and at the real cost that is minutes of CPU.
    Only `tests/conftest.py` calls it; nothing in the application does."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)
    _DUMMY_HASH = _hasher.hash("not-a-password")


# Each check takes ~64 MiB and tens of milliseconds of CPU by design; run on the event loop, 16
# wrong sign-ins at once held /healthz for up to 2 s. Threads for half the cores bound memory
# and leave the loop a core (with two threads on a two-core machine /healthz still took 0.35 s);
# further checks queue for a thread while the loop keeps serving.
_CHECKS = ThreadPoolExecutor(
    max_workers=max(1, (os.cpu_count() or 2) // 2), thread_name_prefix="password-check"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when the password matches; False (after the same work) when there is no hash."""
    try:
        matches = _hasher.verify(password_hash or _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return matches and password_hash is not None


async def check_password(password_hash: str | None, password: str) -> bool:
    """`verify_password` in a password-check thread, so the event loop keeps serving meanwhile."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_CHECKS, verify_password, password_hash, password)
