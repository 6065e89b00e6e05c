"""What keeps the web UI safe to run on a laptop next to a browser that visits hostile pages:

* every response carries a strict Content-Security-Policy (scripts, styles and images from this
  server only; no inline script; no framing), ``nosniff`` and ``Referrer-Policy: no-referrer``;
* the Host header must be one of the allowed names (loopback names by default), so a hostile page
  cannot reach the store through DNS rebinding;
* with an access token (required to listen beyond loopback), every request must carry it: once as
  ``?token=...`` (which sets an HttpOnly cookie), or as ``Authorization: Bearer ...``;
* state-changing requests need a same-origin ``Origin`` (or ``Referer``) and the CSRF token of the
  double-submit cookie; their bodies are size-limited.
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from starlette.datastructures import URL, MutableHeaders
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
       " font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
TOKEN_COOKIE = "storyline_token"
CSRF_COOKIE = "storyline_csrf"
CSRF_FIELD = "csrf"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_BODY = 20 * 1024 * 1024  # 20 MiB per request


def is_loopback(host: str) -> bool:
    if host in ("localhost",):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Security:
    allowed_hosts: list[str] = field(default_factory=lambda: list(LOOPBACK_HOSTS))
    token: str | None = None
    max_body: int = MAX_BODY

    def host_allowed(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        host = host_header.strip().lower()
        if host.startswith("["):  # [::1]:8000
            host = host[1:].split("]", 1)[0]
        elif host.count(":") == 1:
            host = host.split(":", 1)[0]
        return "*" in self.allowed_hosts or host in self.allowed_hosts


def same_origin(request_url: URL, origin: str | None, referer: str | None, fetch_site: str | None = None) -> bool:
    """Whether the request comes from a page of this server: its Origin (else Referer) is this server;
    where the browser withholds both (it sends ``Origin: null`` under ``Referrer-Policy:
    no-referrer``), its ``Sec-Fetch-Site`` says same-origin (browsers set it; pages cannot)."""
    source = origin if origin and origin != "null" else referer
    if not source:
        return fetch_site == "same-origin"
    parts = urlsplit(source)
    return (parts.scheme, parts.netloc.lower()) == (request_url.scheme, request_url.netloc.lower())


def csrf_ok(request, form_value: str | None) -> bool:
    cookie = request.cookies.get(CSRF_COOKIE)
    if not cookie or not form_value:
        return False
    if not hmac.compare_digest(cookie.encode(), form_value.encode()):
        return False
    return same_origin(request.url, request.headers.get("origin"), request.headers.get("referer"),
                       request.headers.get("sec-fetch-site"))


def new_csrf() -> str:
    return secrets.token_urlsafe(24)


def install(app, sec: Security) -> None:
    """Add the checks and headers to a FastAPI/Starlette app (the outermost of its middleware)."""
    app.add_middleware(Guard, sec=sec)


class Guard:
    """The checks and headers above as plain ASGI middleware (Starlette's ``@app.middleware`` runs each
    response through a task and a stream: a first visit's CPU time counts)."""

    def __init__(self, app, sec: Security):
        self.app = app
        self.sec = sec

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(Request(scope))
        if refusal is not None:
            await _headers(refusal)(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                headers = MutableHeaders(scope=message)
                for k, v in HEADERS.items():
                    headers.setdefault(k, v)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def refusal(self, request: Request) -> Response | None:
        """The answer to a request that may not go further, None for one that may."""
        sec = self.sec
        if not sec.host_allowed(request.headers.get("host")):
            return PlainTextResponse("This host name is not allowed (see storyline serve --allow-host).", status_code=400)
        if sec.token:
            given = request.query_params.get("token")
            if given is not None and hmac.compare_digest(given.encode(), sec.token.encode()):
                # the token once in the address: keep it in a cookie and take it out of the address
                target = request.url.remove_query_params("token")
                response = RedirectResponse(str(target.path) + (f"?{target.query}" if target.query else ""), 303)
                response.set_cookie(TOKEN_COOKIE, sec.token, httponly=True, samesite="strict")
                return response
            auth = request.headers.get("authorization", "")
            bearer = auth[7:] if auth.lower().startswith("bearer ") else None
            cookie = request.cookies.get(TOKEN_COOKIE)
            if not any(v is not None and hmac.compare_digest(v.encode(), sec.token.encode()) for v in (bearer, cookie)):
                return PlainTextResponse(
                    "An access token is needed: open the address `storyline serve` printed (it ends in ?token=...).",
                    status_code=401)
        if request.method not in SAFE_METHODS:
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > sec.max_body):
                return PlainTextResponse(f"Too large: at most {sec.max_body // (1024 * 1024)} MiB per request.",
                                         status_code=413)
        return None


def _headers(response: Response) -> Response:
    for k, v in HEADERS.items():
        response.headers.setdefault(k, v)
    return response
