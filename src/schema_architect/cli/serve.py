"""``schema-architect serve``: the REST API, the chat assistant and the web page."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        host: str = typer.Option("127.0.0.1", "--host", help="address to listen on"),
        port: int = typer.Option(8000, "--port", min=1, max=65535),
        app_db: str | None = typer.Option(None, "--app-db",
                                          help="app database URL (default: sqlite file under ~/.local/share/schema-architect)"),
        model: str | None = typer.Option(None, "--model", help="chat with this model (default: offline intent router)"),
        llm_base_url: str | None = typer.Option(None, "--llm-base-url", help="OpenAI-compatible endpoint"),
    ) -> None:
        """Serve the web app and REST API (OpenAPI docs at /docs)."""
        import uvicorn

        from ..app.server import create_app
        from ..llm import load_config
        from .console import err_console

        llm = load_config({"model": model, "base_url": llm_base_url})
        web_app = create_app(app_db, llm_config=llm if llm.configured else None)
        err_console.print(f"Schema Architect on http://{host}:{port}/ (API docs at /docs); chat: "
                          f"{'model ' + llm.model if llm.configured else 'offline'}", highlight=False)
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
