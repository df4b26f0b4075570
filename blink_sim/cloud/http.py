"""One request and one response as the fake cloud sees them, whatever the transport."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
import json
from typing import Any, Self
from urllib.parse import parse_qs

from yarl import URL


@dataclass(slots=True)
class SimRequest:
    """One HTTP request as the fake cloud sees it."""

    method: str
    url: URL | str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str | Mapping[str, Any] | None = None

    @property
    def target(self) -> URL:
        """Return the URL as a yarl URL."""
        return self.url if isinstance(self.url, URL) else URL(self.url)

    def header(self, name: str) -> str | None:
        """Return a header case-insensitively."""
        lname = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lname:
                return value
        return None

    def form(self) -> dict[str, str]:
        """Return the body as a flat form / JSON object with string keys."""
        body = self.body
        if body is None:
            return {}
        if isinstance(body, Mapping):
            return {
                str(k): v if isinstance(v, str) else json.dumps(v)
                for k, v in body.items()
            }
        text = body.decode() if isinstance(body, bytes) else body
        stripped = text.strip()
        if stripped.startswith("{"):
            try:
                data = json.loads(stripped)
            except ValueError:
                return {}
            if isinstance(data, dict):
                return {
                    str(k): v if isinstance(v, str) else json.dumps(v)
                    for k, v in data.items()
                }
            return {}
        return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}

    def json_body(self) -> Any:
        """Return the body parsed as JSON (a mapping body is returned as a dict)."""
        body = self.body
        if body is None:
            return None
        if isinstance(body, Mapping):
            return dict(body)
        text = body.decode() if isinstance(body, bytes) else body
        try:
            return json.loads(text)
        except ValueError:
            return None

    def cookie(self, name: str) -> str | None:
        """Return a cookie sent with the request."""
        raw = self.header("Cookie")
        if not raw:
            return None
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookie
            return None
        morsel = jar.get(name)
        return morsel.value if morsel is not None else None


@dataclass(slots=True)
class SimResponse:
    """One HTTP response, or an instruction to the transport to fail the request."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # The transport drops the connection (adapter: raises aiohttp.ClientConnectionError).
    disconnect: bool = False
    # The transport never answers (adapter: raises TimeoutError; server: sleeps this long).
    hang_seconds: float | None = None

    @classmethod
    def json(
        cls, data: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Self:
        """Build a JSON response."""
        return cls(
            status=status,
            headers={"Content-Type": "application/json", **(headers or {})},
            body=json.dumps(data).encode(),
        )

    @classmethod
    def text(
        cls,
        text: str,
        status: int = 200,
        content_type: str = "text/plain",
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """Build a text response."""
        return cls(
            status=status,
            headers={
                "Content-Type": f"{content_type}; charset=utf-8",
                **(headers or {}),
            },
            body=text.encode(),
        )

    def json_body(self) -> Any:
        """Return the body parsed as JSON."""
        return json.loads(self.body)


def not_found(message: str = "Not found") -> SimResponse:
    """Return the 404 JSON answer the Blink API gives for an unknown object."""
    return SimResponse.json({"message": message, "code": 404}, status=404)
