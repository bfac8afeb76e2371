"""The FastAPI application: REST API under /api/v1, the chat, and the web page at /."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from .errors import BodySizeLimit, install_error_handlers
from .store import private_locations

STATIC = Path(__file__).with_name("static")
MAX_BODY_BYTES = 1_000_000
CONFIRMATION_TTL_S = 300.0


def create_app(app_db_url: str | None = None, *, llm_config=None, max_body_bytes: int = MAX_BODY_BYTES,
               key_file: Path | None = None) -> FastAPI:
    """The server. ``llm_config``: a configured :class:`llm.LLMConfig` switches the chat to the model."""
    from .actions import UsedNonces
    from .safety import ConfirmationTokens
    from .store import UrlCipher, load_secret_key, open_app_database

    # /docs is served below from the bundled Swagger UI files (FastAPI's default loads them from a CDN)
    app = FastAPI(title="Schema Architect", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Design relational databases from plain English; see, query and change them safely.")
    app.state.sessions = open_app_database(app_db_url)
    app.state.private_paths = private_locations(app_db_url, key_file)
    app.state.cipher = UrlCipher(load_secret_key(key_file))
    app.state.confirmations = ConfirmationTokens(secret=app.state.cipher.signing_key, ttl_seconds=CONFIRMATION_TTL_S,
                                                 used=UsedNonces(app.state.sessions))
    app.state.llm_config = llm_config if llm_config is not None and llm_config.configured else None
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=max_body_bytes)

    from . import api_schema, resources

    app.include_router(resources.router)
    app.include_router(api_schema.router)

    @app.get("/api/v1/health", tags=["meta"])
    def health() -> dict:
        return {"status": "ok", "assistant": "model" if app.state.llm_config else "offline",
                "web_bundle": (STATIC / "index.html").is_file()}

    if (STATIC / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=STATIC / "assets"), name="assets")
    if (STATIC / "docs-assets").is_dir():
        app.mount("/docs-assets", StaticFiles(directory=STATIC / "docs-assets"), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs():
        from fastapi.openapi.docs import get_swagger_ui_html

        if not (STATIC / "docs-assets" / "swagger-ui-bundle.js").is_file():
            return HTMLResponse("<h1>API docs</h1><p>The web bundle is not built; the OpenAPI schema is at "
                                "<a href='/openapi.json'>/openapi.json</a>.</p>", status_code=503)
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="Schema Architect API",
                                   swagger_js_url="/docs-assets/swagger-ui-bundle.js",
                                   swagger_css_url="/docs-assets/swagger-ui.css", swagger_favicon_url="")

    @app.get("/", include_in_schema=False)
    def index():
        page = STATIC / "index.html"
        if page.is_file():
            return FileResponse(page)
        return HTMLResponse("<h1>Schema Architect</h1><p>The web bundle is not built: run "
                            "<code>npm ci &amp;&amp; npm run build</code> in web/ (scripts/setup.sh does). "
                            "The API is at <a href='/docs'>/docs</a>.</p>", status_code=503)

    app.state.instance = secrets.token_hex(4)
    return app
