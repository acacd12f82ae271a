"""Webhook mode: Telegram posts updates to this server behind the deployer's reverse proxy.

Every replica runs one. Updates are checked against Telegram's secret-token header before
anything reads them, and a health endpoint lets the load balancer take a replica out of
rotation while it drains.
"""

from __future__ import annotations

import hmac
import json
import logging
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
AnyApplication = Application[Any, Any, Any, Any, Any, Any]


class UpdateEndpoint(tornado.web.RequestHandler):
    """Receives one update from Telegram and queues it for the Application."""

    def initialize(self, bot_app: AnyApplication, secret: str, state: dict[str, bool]) -> None:
        self.bot_app = bot_app
        self.secret = secret
        self.state = state

    async def post(self) -> None:
        """Check the secret, then hand the update to python-telegram-bot."""
        given = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), self.secret.encode()):
            log.warning("webhook_rejected reason=secret")
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        if self.state["draining"]:
            # Telegram retries later, and another replica takes it.
            raise tornado.web.HTTPError(HTTPStatus.SERVICE_UNAVAILABLE)
        try:
            update = Update.de_json(json.loads(self.request.body), self.bot_app.bot)
        except (ValueError, TypeError, KeyError):
            log.warning("webhook_rejected reason=malformed")
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from None
        await self.bot_app.update_queue.put(update)
        self.set_status(HTTPStatus.OK)

    def log_exception(self, *args: Any) -> None:
        """Errors are logged above by event name; tornado's default would log the request."""


class HealthEndpoint(tornado.web.RequestHandler):
    """200 while serving, 503 while draining, so the load balancer stops sending."""

    def initialize(self, state: dict[str, bool]) -> None:
        self.state = state

    def get(self) -> None:
        """Report whether this replica takes updates."""
        draining = self.state["draining"]
        self.set_status(HTTPStatus.SERVICE_UNAVAILABLE if draining else HTTPStatus.OK)
        self.write({"status": "draining" if draining else "ok"})


class WebhookServer:
    """The HTTP side of webhook mode for one Application."""

    def __init__(self, application: AnyApplication, webhook_url: str, secret: str) -> None:
        self.application = application
        self.webhook_url = webhook_url
        self.secret = secret
        self.state = {"draining": False}
        self.path = urlsplit(webhook_url).path or "/"
        self.server: tornado.httpserver.HTTPServer | None = None

    def routes(self) -> tornado.web.Application:
        return tornado.web.Application(
            [
                (
                    self.path,
                    UpdateEndpoint,
                    {"bot_app": self.application, "secret": self.secret, "state": self.state},
                ),
                (HEALTH_PATH, HealthEndpoint, {"state": self.state}),
            ],
            log_function=lambda handler: None,
        )

    async def start(self, listen: str, port: int) -> None:
        """Listen, then tell Telegram where to post (every replica says the same)."""
        self.server = tornado.httpserver.HTTPServer(self.routes(), xheaders=True)
        self.server.listen(port, address=listen)
        await self.application.bot.set_webhook(
            url=self.webhook_url, secret_token=self.secret, allowed_updates=Update.ALL_TYPES
        )
        log.info("webhook_listening port=%s", port)

    async def drain(self) -> None:
        """Refuse new updates and stop listening; queued ones are finished by Application.stop."""
        self.state["draining"] = True
        if self.server is not None:
            self.server.stop()
            await self.server.close_all_connections()
        log.info("webhook_stopped")
