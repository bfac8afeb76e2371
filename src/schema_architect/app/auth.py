"""Local accounts: scrypt password hashes and bearer tokens stored as SHA-256 digests.

Tokens are 256 random bits, so a fast hash is enough: nobody can brute-force the preimage, a leaked
app database yields no usable token, and the digest can be looked up by index on every request
(a slow password hash there would cost tens of milliseconds per call).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select

from .errors import ApiError
from .models import ApiToken, User

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
_bearer = HTTPBearer(auto_error=False)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt), **_SCRYPT)
    return hmac.compare_digest(candidate.hex(), digest)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return "sa_" + secrets.token_urlsafe(32)


def current_user(request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> User:
    if creds is None or not creds.credentials:
        raise ApiError(401, "unauthorized", "missing bearer token", "log in with POST /api/v1/tokens")
    sessions = request.app.state.sessions
    with sessions() as db:
        user = db.execute(select(User).join(ApiToken, ApiToken.user_id == User.id)
                          .where(ApiToken.token_hash == token_digest(creds.credentials))).scalar_one_or_none()
    if user is None:
        raise ApiError(401, "unauthorized", "invalid or revoked token", "log in again with POST /api/v1/tokens")
    return user


CurrentUser = Annotated[User, Depends(current_user)]  # a route parameter: the caller, authenticated
