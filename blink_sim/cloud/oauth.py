"""The OAuth host: authorize with PKCE, the sign-in page, 2FA and the token endpoint."""

import base64
from dataclasses import dataclass
import hashlib
import json
import re
import secrets
from typing import TYPE_CHECKING
import uuid

from blink_sim.cloud.common import COOKIE_NAME, REDIRECT_URI
from blink_sim.cloud.faults import token_fault
from blink_sim.cloud.http import SimRequest, SimResponse

if TYPE_CHECKING:
    from blink_sim.cloud.state import CloudState


@dataclass(slots=True)
class OAuthSession:
    """One browser-like OAuth session (cookie) in progress."""

    sid: str
    csrf: str
    challenge: str | None
    hardware_id: str | None
    signed_in: bool = False
    verified: bool = False
    code: str | None = None


class OAuthHandlers:
    """Answer the OAuth host's endpoints from the account."""

    def __init__(self, cloud: CloudState) -> None:
        """Serve the OAuth flow of this account."""
        self.cloud = cloud
        self.sessions: dict[str, OAuthSession] = {}
        self.latest: str | None = None

    def _session(self, request: SimRequest) -> OAuthSession | None:
        """Find the OAuth session from the cookie, or the latest one when headers are unknown."""
        sid = request.cookie(COOKIE_NAME)
        if sid is not None:
            return self.sessions.get(sid)
        if not request.headers and self.latest is not None:
            return self.sessions.get(self.latest)
        return None

    def _signin_page(self, csrf: str) -> str:
        """Render the signin page with the oauth-args script blinkpy parses."""
        args = json.dumps(
            {"csrf-token": csrf, "tsv_enabled": bool(self.cloud.account["two_factor"])}
        )
        return (
            "<!DOCTYPE html><html><head><title>Blink sign in</title>"
            f'<script id="oauth-args" type="application/json">{args}</script>'
            "</head><body><form method=post>Sign in</form></body></html>"
        )

    def _credentials_ok(self, form: dict[str, str]) -> bool:
        """Tell whether a form carries the account's email (any case) and password."""
        account = self.cloud.account
        return (
            form.get("username", "").lower() == str(account["email"]).lower()
            and form.get("password") == account["password"]
        )

    async def authorize(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Start an OAuth session (with PKCE), or hand out the code once signed in."""
        query = request.target.query
        if "code_challenge" in query:
            hardware_id = query.get("hardware_id")
            try:
                uuid.UUID(str(hardware_id))
            except ValueError:
                return SimResponse.json({"error": "invalid hardware_id"}, status=406)
            session = OAuthSession(
                sid=secrets.token_hex(16),
                csrf=secrets.token_urlsafe(24),
                challenge=query.get("code_challenge"),
                hardware_id=hardware_id,
            )
            self.sessions[session.sid] = session
            self.latest = session.sid
            return SimResponse.text(
                self._signin_page(session.csrf),
                content_type="text/html",
                headers={
                    "Set-Cookie": f"{COOKIE_NAME}={session.sid}; Path=/; Secure; HttpOnly"
                },
            )
        found = self._session(request)
        if found is None or not found.verified:
            return SimResponse.text(
                self._signin_page(found.csrf if found else ""), content_type="text/html"
            )
        found.code = secrets.token_urlsafe(24)
        return SimResponse(
            status=302,
            headers={
                "Location": f"{REDIRECT_URI}?code={found.code}&state={secrets.token_hex(8)}"
            },
        )

    async def signin_page(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Serve the signin page carrying the CSRF token."""
        session = self._session(request)
        if session is None:
            return SimResponse.text("Session expired", status=400)
        return SimResponse.text(
            self._signin_page(session.csrf), content_type="text/html"
        )

    async def signin(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Check the credentials; ask for the 2FA code when the account has 2FA."""
        session = self._session(request)
        form = request.form()
        if session is None or form.get("csrf-token") != session.csrf:
            return SimResponse.json({"error": "invalid csrf token"}, status=403)
        if not self._credentials_ok(form):
            return SimResponse.json(
                {"message": "Invalid credentials", "code": 200}, status=401
            )
        session.signed_in = True
        account = self.cloud.account
        if account["two_factor"]:
            self.cloud.codes_sent += 1
            if str(account["two_factor_style"]) == "202":
                return SimResponse.json(
                    {
                        "tsv_state": "sms",
                        "tsv_methods": ["sms"],
                        "phone_suffix": "42",
                        "next_time_in_secs": 60,
                    },
                    status=202,
                )
            return SimResponse.json(
                {"message": "2FA required", "tsv_state": "sms"}, status=412
            )
        session.verified = True
        return SimResponse(status=303, headers={"Location": "/oauth/v2/authorize"})

    async def verify_2fa(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Check the 2FA code."""
        session = self._session(request)
        form = request.form()
        code = form.get("2fa_code", "")
        self.cloud.pin_attempts.append(code)
        if (
            session is None
            or not session.signed_in
            or form.get("csrf-token") != session.csrf
        ):
            return SimResponse.json(
                {"status": "error", "message": "no pending sign-in"}, status=403
            )
        if code != str(self.cloud.account["pin"]):
            return SimResponse.json(
                {"status": "invalid-code", "message": "Invalid verification code"},
                status=401,
            )
        session.verified = True
        return SimResponse.json({"status": "auth-completed"}, status=201)

    async def token(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Exchange an authorization code, a refresh token or a password for tokens."""
        form = request.form()
        grant = form.get("grant_type", "")
        self.cloud.grants.append(grant)
        refused = token_fault(self.cloud, grant)
        if refused is not None:
            return refused
        if grant == "authorization_code":
            return self._code_grant(form)
        if grant == "refresh_token":
            if form.get("refresh_token") not in self.cloud.refresh_tokens:
                return SimResponse.json({"error": "invalid_grant"}, status=400)
            return SimResponse.json(self.cloud.issue_tokens())
        if grant == "password":
            if not self._credentials_ok(form):
                return SimResponse.json({"error": "invalid_grant"}, status=401)
            if self.cloud.account["two_factor"]:
                self.cloud.codes_sent += 1
                return SimResponse.json({"error": "2fa_required"}, status=412)
            return SimResponse.json(self.cloud.issue_tokens())
        return SimResponse.json({"error": "unsupported_grant_type"}, status=400)

    def _code_grant(self, form: dict[str, str]) -> SimResponse:
        """Exchange an authorization code (checked against its PKCE challenge) for tokens."""
        session = next(
            (
                s
                for s in self.sessions.values()
                if s.code and s.code == form.get("code")
            ),
            None,
        )
        if session is None:
            return SimResponse.json({"error": "invalid_grant"}, status=400)
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        challenge = base64.urlsafe_b64encode(digest).decode().rstrip("=")
        session.code = None
        if challenge != session.challenge:
            return SimResponse.json(
                {"error": "invalid_grant", "error_description": "PKCE"}, status=400
            )
        self.sessions.pop(session.sid, None)
        return SimResponse.json(self.cloud.issue_tokens())
