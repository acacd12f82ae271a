"""Fakes of services outside the machine, used by the tests."""

from tests.fakes.bot_api import (
    ApiCall,
    FakeBotApi,
    SentMessage,
    UploadedFile,
    parse_html,
    parse_markdown,
    polling,
    press,
)

__all__ = [
    "ApiCall",
    "FakeBotApi",
    "SentMessage",
    "UploadedFile",
    "parse_html",
    "parse_markdown",
    "polling",
    "press",
]
