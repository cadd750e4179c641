"""People who review: each has a name, a role and a token the ledger keeps only as a hash.

`add_user` makes the token and returns it once; the ledger stores its SHA-256 (a token
is 32 random bytes, so no salt or slow hash is needed to keep it from being guessed).
`authenticate` compares the hash of a presented token with every stored one in
constant time, so the time it takes says nothing about how close a guess came.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError

from skyledger.store.schema import users, utcnow

ROLES = ("reviewer", "admin")


class UserError(ValueError):
    """A user that cannot be added: a name taken, an unknown role, a blank name."""


@dataclass(frozen=True)
class User:
    name: str
    role: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(engine: Engine, name: str, role: str = "reviewer") -> str:
    """Register a person and return their token (shown once, never stored)."""
    name = " ".join(name.split())
    if not name:
        raise UserError("a user needs a name")
    if role not in ROLES:
        raise UserError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
    token = secrets.token_urlsafe(32)
    try:
        with engine.begin() as conn:
            conn.execute(
                users.insert().values(
                    name=name, role=role, token_hash=token_hash(token), created=utcnow()
                )
            )
    except IntegrityError as exc:
        raise UserError(f"there is already a user named {name!r}") from exc
    return token


def authenticate(engine: Engine, token: str | None) -> User | None:
    """The user holding this token, or None."""
    if not token:
        return None
    presented = token_hash(token).encode()
    found = None
    with engine.connect() as conn:
        rows = conn.execute(select(users.c.name, users.c.role, users.c.token_hash)).all()
    for row in rows:  # every row compared, a match or not
        if hmac.compare_digest(presented, row.token_hash.encode()):
            found = User(row.name, row.role)
    return found


def list_users(engine: Engine) -> list[User]:
    with engine.connect() as conn:
        rows = conn.execute(select(users.c.name, users.c.role).order_by(users.c.name)).all()
    return [User(row.name, row.role) for row in rows]
