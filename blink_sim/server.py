"""HTTPS server exposing a FakeBlinkCloud on loopback, with a control API under /_sim/."""

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import ipaddress
import json
import os
from pathlib import Path
import socket
import ssl
import tempfile
from typing import Any

from aiohttp import ClientSession, CookieJar, TCPConnector, web
from aiohttp.abc import AbstractResolver, ResolveResult
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from blink_sim.cloud import FakeBlinkCloud, SimRequest

# Every hostname blinkpy uses, plus wildcards for other regions.
BLINK_HOSTNAMES = (
    "api.oauth.blink.com",
    "rest-prod.immedia-semi.com",
    "rest-u011.immedia-semi.com",
    "rest-u014.immedia-semi.com",
    "rest-e001.immedia-semi.com",
    "*.immedia-semi.com",
    "*.oauth.blink.com",
    "*.blink.com",
    "localhost",
)
CERT_DIR = Path(tempfile.gettempdir()) / "blink_sim_tls"
CLOUD_KEY: web.AppKey[FakeBlinkCloud] = web.AppKey("cloud", FakeBlinkCloud)


def is_loopback(host: str) -> bool:
    """Tell whether a bind address is a loopback address."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def ensure_certificate(cert_dir: Path = CERT_DIR) -> tuple[Path, Path]:
    """Return (cert, key) paths of a cached self-signed certificate, creating it when needed."""
    cert_path = cert_dir / "cert.pem"
    key_path = cert_dir / "key.pem"
    if cert_path.exists() and key_path.exists():
        try:
            cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
            if cert.not_valid_after_utc > datetime.now(UTC) + timedelta(days=1):
                return cert_path, key_path
        except ValueError:
            pass
    cert_dir.mkdir(parents=True, exist_ok=True)
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "blink-sim")])
    now = datetime.now(UTC)
    alt_names: list[x509.GeneralName] = [x509.DNSName(h) for h in BLINK_HOSTNAMES]
    alt_names.append(x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName(alt_names), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    suffix = f".{os.getpid()}.tmp"
    tmp_key = key_path.with_name(key_path.name + suffix)
    tmp_cert = cert_path.with_name(cert_path.name + suffix)
    tmp_key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    tmp_key.chmod(0o600)
    tmp_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    tmp_key.replace(key_path)
    tmp_cert.replace(cert_path)
    return cert_path, key_path


def server_ssl_context() -> ssl.SSLContext:
    """Return the server TLS context with the self-signed certificate."""
    cert_path, key_path = ensure_certificate()
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert_path, key_path)
    return context


class LoopbackResolver(AbstractResolver):
    """Resolve every hostname to the simulator on 127.0.0.1."""

    def __init__(self, port: int) -> None:
        """Remember the simulator port."""
        self._port = port

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        """Map the host to the simulator."""
        return [
            ResolveResult(
                hostname=host,
                host="127.0.0.1",
                port=self._port,
                family=socket.AF_INET,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
        ]

    async def close(self) -> None:
        """Nothing to close."""


def make_connector(port: int) -> TCPConnector:
    """Build a connector whose every Blink hostname resolves to the simulator on `port`."""
    return TCPConnector(resolver=LoopbackResolver(port), ssl=False)


def make_session(
    port: int, *, connector_owner: bool = True, connector: TCPConnector | None = None
) -> ClientSession:
    """Build an aiohttp session whose every Blink request reaches the simulator on `port`.

    `connector_owner=False` makes it behave like Home Assistant's sessions, whose connector is
    shared: letting go of the session (`detach()`) leaves the connector to its owner, who closes
    it (`session.connector` before then). `connector`: one to share (made for `port` otherwise).
    """
    return ClientSession(
        connector=connector or make_connector(port),
        connector_owner=connector_owner,
        cookie_jar=CookieJar(),
    )


async def _blink_handler(request: web.Request) -> web.StreamResponse:
    """Answer a Blink API request from the cloud."""
    cloud = request.app[CLOUD_KEY]
    body = await request.read()
    sim = SimRequest(
        method=request.method,
        url=request.url,
        headers=dict(request.headers.items()),
        body=body or None,
    )
    response = await cloud.handle(sim)
    if response.disconnect:
        if request.transport is not None:
            request.transport.abort()
        raise asyncio.CancelledError
    if response.hang_seconds is not None:
        await asyncio.sleep(response.hang_seconds)
        return web.json_response({"message": "Gateway timeout"}, status=504)
    return web.Response(
        status=response.status, headers=response.headers, body=response.body
    )


async def _json(request: web.Request) -> dict[str, Any]:
    """Read a JSON object body (empty body: {})."""
    raw = await request.read()
    if not raw:
        return {}
    data = json.loads(raw)
    if not isinstance(data, dict):
        raise web.HTTPBadRequest(text="expected a JSON object")
    return data


def _ok(data: Any = None) -> web.Response:
    """Answer a JSON result."""
    return web.json_response({"ok": True} if data is None else data)


async def _counts(request: web.Request) -> web.Response:
    """Return the request counters."""
    cloud = request.app[CLOUD_KEY]
    return _ok(
        {
            "counts": cloud.counts(),
            "total": cloud.total_requests(),
            "fault_hits": cloud.fault_hits(),
            "commands": cloud.commands,
        }
    )


async def _reset_counts(request: web.Request) -> web.Response:
    """Reset the request counters."""
    request.app[CLOUD_KEY].reset_counts()
    return _ok()


async def _state(request: web.Request) -> web.Response:
    """Return the whole account state."""
    return _ok(request.app[CLOUD_KEY].state())


async def _add_camera(request: web.Request) -> web.Response:
    """Add a camera."""
    return _ok(request.app[CLOUD_KEY].add_camera(await _json(request)))


async def _update_camera(request: web.Request) -> web.Response:
    """Change a camera's fields."""
    cloud = request.app[CLOUD_KEY]
    return _ok(
        cloud.update_camera(request.match_info["serial"], **await _json(request))
    )


async def _remove_camera(request: web.Request) -> web.Response:
    """Remove a camera."""
    request.app[CLOUD_KEY].remove_camera(request.match_info["serial"])
    return _ok()


async def _update_sync_module(request: web.Request) -> web.Response:
    """Change a Sync Module's fields."""
    cloud = request.app[CLOUD_KEY]
    return _ok(
        cloud.update_sync_module(request.match_info["serial"], **await _json(request))
    )


async def _fault(request: web.Request) -> web.Response:
    """Switch a fault on or off."""
    params = await _json(request)
    on = bool(params.pop("on", True))
    request.app[CLOUD_KEY].set_fault(request.match_info["name"], on, **params)
    return _ok({"faults": request.app[CLOUD_KEY].faults})


async def _clip(request: web.Request) -> web.Response:
    """Record a new clip for a camera."""
    made = request.app[CLOUD_KEY].add_clip(request.match_info["serial"])
    return _ok({"id": made["id"], "serial": made["serial"]})


async def _use(request: web.Request) -> web.Response:
    """Change how a camera is used from now on."""
    cloud = request.app[CLOUD_KEY]
    return _ok(cloud.set_use(request.match_info["serial"], **await _json(request)))


async def _replace_batteries(request: web.Request) -> web.Response:
    """Put new batteries in a camera."""
    cloud = request.app[CLOUD_KEY]
    return _ok(cloud.replace_batteries(request.match_info["serial"]))


CONTROL_ROUTES = (
    web.get("/_sim/counts", _counts),
    web.post("/_sim/reset_counts", _reset_counts),
    web.get("/_sim/state", _state),
    web.post("/_sim/camera", _add_camera),
    web.post("/_sim/camera/{serial}", _update_camera),
    web.delete("/_sim/camera/{serial}", _remove_camera),
    web.post("/_sim/sync_module/{serial}", _update_sync_module),
    web.post("/_sim/fault/{name}", _fault),
    web.post("/_sim/clip/{serial}", _clip),
    web.post("/_sim/use/{serial}", _use),
    web.post("/_sim/replace_batteries/{serial}", _replace_batteries),
)


@web.middleware
async def _errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """Turn unknown serials / faults into 404 JSON on the control API."""
    try:
        response: web.StreamResponse = await handler(request)
    except KeyError as err:
        return web.json_response({"ok": False, "error": str(err)}, status=404)
    except (TypeError, ValueError) as err:
        return web.json_response({"ok": False, "error": str(err)}, status=400)
    return response


def build_app(cloud: FakeBlinkCloud) -> web.Application:
    """Build the aiohttp application: control API first, then every other path for blinkpy."""
    app = web.Application(middlewares=[_errors])
    app[CLOUD_KEY] = cloud
    app.add_routes(CONTROL_ROUTES)
    app.router.add_route("*", "/{tail:.*}", _blink_handler)
    return app


@dataclass(slots=True)
class RunningSimulator:
    """A simulator serving on loopback."""

    host: str
    port: int
    cloud: FakeBlinkCloud
    runner: web.AppRunner

    @property
    def url(self) -> str:
        """Return the base URL of the server."""
        return f"https://{self.host}:{self.port}"

    def make_session(self) -> ClientSession:
        """Build an aiohttp session that sends every Blink hostname here."""
        return make_session(self.port)

    async def close(self) -> None:
        """Stop the server."""
        await self.runner.cleanup()


async def start_simulator(
    scenario: str | Path | FakeBlinkCloud = "foundation",
    host: str = "127.0.0.1",
    port: int = 0,
) -> RunningSimulator:
    """Start the HTTPS simulator on a loopback address (port 0: any free port)."""
    if not is_loopback(host):
        raise ValueError(
            f"refusing to bind {host}: the simulator only listens on loopback"
        )
    cloud = (
        scenario
        if isinstance(scenario, FakeBlinkCloud)
        else FakeBlinkCloud.from_scenario(scenario)
    )
    context = await asyncio.get_running_loop().run_in_executor(None, server_ssl_context)
    runner = web.AppRunner(build_app(cloud), access_log=None, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, ssl_context=context)
    await site.start()
    bound = port
    for address in runner.addresses:
        if isinstance(address, tuple) and len(address) >= 2:
            bound = int(address[1])
            break
    return RunningSimulator(host=host, port=bound, cloud=cloud, runner=runner)
