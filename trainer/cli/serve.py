"""rehearse serve: the app in web browsers, one app process per browser, one shared history.

textual-serve starts ``python -m trainer --db <the database>`` for each browser
that connects, so every participant's rehearsals land in the same database
(WAL mode lets the processes write at once).
"""

from __future__ import annotations

import argparse
import ipaddress
import shlex
import sys

from trainer.cli.store_options import add_db_option


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--public-url", metavar="URL",
                        help="the address browsers use, if not http://HOST:PORT "
                             "(for example behind a proxy)")
    add_db_option(parser)


def is_loopback(host: str) -> bool:
    """True for localhost and the loopback ranges; names other than localhost are not."""
    if host.strip().lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def app_command(db: str, content_dirs: list[str] | None = None) -> str:
    """The shell command textual-serve runs for each browser."""
    parts = [sys.executable, "-m", "trainer", "--db", db]
    for folder in content_dirs or []:
        parts += ["--content", folder]
    return shlex.join(parts)


def run(args: argparse.Namespace) -> int:
    from trainer.cli.store_options import open_for_cli
    from trainer.problems import TrainerError

    if not 0 < args.port < 65536:
        raise TrainerError(f"--port must be 1 to 65535, not {args.port}", 2)
    # Open (create, migrate, or recover) the database once here, so app processes start
    # on a good file and any notice is printed where the coach can see it.
    with open_for_cli(args) as store:
        db = str(store.path.resolve()) if str(store.path) != ":memory:" else ":memory:"
    if not is_loopback(args.host):
        print(f"rehearse: warning: listening on {args.host}, so other machines on the network "
              "can open the app and write to its history. Use this only on a network you "
              "trust; the default, 127.0.0.1, is this machine only.", file=sys.stderr)
    public_url = args.public_url
    if public_url is None and args.host in ("0.0.0.0", "::", "[::]"):
        import socket

        public_url = f"http://{socket.gethostname()}:{args.port}"
    server_class = _server_class()
    command = app_command(db, getattr(args, "content", None))
    server = server_class(command, host=args.host, port=args.port, title="rehearse",
                    public_url=public_url, templates_path=_offline_templates())
    print(f"rehearse: serving on {public_url or f'http://{args.host}:{args.port}'} "
          f"(history: {db}); Ctrl+C stops", file=sys.stderr)
    server.serve()
    return 0


STOP_SECONDS = 2.0
"""How long an app process gets to quit on its own at shutdown before it is ended."""


def _server_class():
    """textual-serve's Server, made to stop quickly and cleanly on Ctrl+C.

    textual-serve 1.1 does neither by itself when a browser is connected: on
    shutdown aiohttp waits (up to a minute) for each browser's websocket handler,
    which only returns once the browser closes its socket; and each app process's
    asyncio transport is never closed, so when the event loop has closed Python
    prints "Exception ignored in: <function BaseSubprocessTransport.__del__ ...>
    RuntimeError: Event loop is closed". Here every app service is tracked; at
    shutdown, while the loop still runs, each browser's socket is closed (which
    makes textual-serve ask its app to quit), and each app process is waited
    for, ended if it does not quit in time, and its transport closed.
    """
    import asyncio
    import contextlib
    import weakref

    import textual_serve.server as upstream

    services: weakref.WeakSet = weakref.WeakSet()
    original = getattr(upstream, "_rehearse_original_app_service", upstream.AppService)
    upstream._rehearse_original_app_service = original

    class AppService(original):
        async def start(self, width: int, height: int) -> None:
            services.add(self)
            await super().start(width, height)

        async def stop(self) -> None:
            process = self._process
            try:
                await asyncio.wait_for(super().stop(), STOP_SECONDS)
            except (asyncio.TimeoutError, OSError, ConnectionError):
                pass  # the app did not answer the request to quit: it is ended below
            finally:
                if process is not None:
                    await _reap(process)
                services.discard(self)

    async def _reap(process) -> None:
        if process.returncode is None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(process.wait(), STOP_SECONDS)
        if process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.kill()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(process.wait(), STOP_SECONDS)
        transport = getattr(process, "_transport", None)
        if transport is not None:
            transport.close()  # now, while the loop runs, not in __del__ after it closed

    # textual-serve's websocket handler creates its AppService by this module name.
    upstream.AppService = AppService

    class Server(upstream.Server):
        async def on_shutdown(self, app) -> None:
            await super().on_shutdown(app)

            async def close(service) -> None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(service.remote_close(), STOP_SECONDS)
                await service.stop()

            await asyncio.gather(*(close(s) for s in list(services)), return_exceptions=True)

    return Server


def _offline_templates() -> str:
    """textual-serve's page template without its web-font link, so a room without
    internet access loads the page without waiting on an outside server."""
    import atexit
    import re
    import shutil
    import tempfile
    from pathlib import Path

    import textual_serve

    original = Path(textual_serve.__file__).parent / "templates"
    target = Path(tempfile.mkdtemp(prefix="rehearse-serve-"))
    atexit.register(shutil.rmtree, target, ignore_errors=True)
    for page in original.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"<link[^>]*fonts\.googleapis\.com[^>]*>", "", text, flags=re.S)
        (target / page.name).write_text(text, encoding="utf-8")
    return str(target)
