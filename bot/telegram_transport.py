"""The Telegram transport: updates become inbounds, and replies become messages."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence
from datetime import timedelta

from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.charts import ChartError, draw_chart
from bot.checkin_dispatcher import Blocked, Rejected, RetryLater, Send
from bot.config import Settings
from bot.storage.clients import ClientKey
from bot.turns import TurnHandler
from dialogs.replies import Chart, Inbound, Reply
from dialogs.wording import say

log = logging.getLogger(__name__)

MENU_COMMANDS = (
    "newgoal",
    "goals",
    "checkin",
    "progress",
    "summary",
    "schedule",
    "pause",
    "resume",
    "back",
    "cancel",
    "help",
    "privacy",
    "export",
    "delete",
    "crisis",
)
PRIVATE = filters.ChatType.PRIVATE


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.options:
        return None
    buttons = [
        InlineKeyboardButton(option.label, callback_data=option.value) for option in reply.options
    ]
    rows = [buttons[i : i + reply.columns] for i in range(0, len(buttons), reply.columns)]
    return InlineKeyboardMarkup(rows)


def client_key(update: Update) -> ClientKey:
    assert update.effective_chat is not None
    return ClientKey("telegram", str(update.effective_chat.id))


class TelegramTransport:
    """Handlers that hand every update to the shared turn handler."""

    def __init__(self, turns: TurnHandler) -> None:
        self.turns = turns

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A /command from a private chat."""
        message = update.effective_message
        assert message is not None and message.text is not None
        await self.answer(update, context, Inbound.command(message.text.split()[0]))

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A typed message from a private chat."""
        assert update.message is not None and update.message.text is not None
        await self.answer(update, context, Inbound.text(update.message.text))

    async def on_edited(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message: read for safety, not as a new answer."""
        message = update.edited_message
        assert message is not None
        await self.answer(update, context, Inbound.edited(message.text or message.caption or ""))

    async def on_media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A sticker, photo, voice note, file or other message without text."""
        assert update.message is not None
        await self.answer(update, context, Inbound.media(update.message.caption or ""))

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A tap on an inline button: answer it, retire its keyboard, and pass the choice on."""
        query = update.callback_query
        assert query is not None
        with contextlib.suppress(BadRequest):  # a retried update's query is already answered
            await query.answer()
        choice = self.answer(update, context, Inbound.choice(query.data or ""))
        if isinstance(query.message, Message):
            # Side by side: the client should not wait for the old buttons to go.
            await asyncio.gather(retire_keyboard(query.message), choice)
        else:
            await choice

    async def on_group(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Anything addressed to the bot outside a private chat: point to a private chat."""
        message = update.effective_message
        if message is not None:
            await message.reply_text(say("common.private_only"), parse_mode=ParseMode.HTML)

    async def answer(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, inbound: Inbound
    ) -> None:
        replies = await self.turns.handle(client_key(update), inbound, update.update_id)
        assert update.effective_chat is not None
        await send(context, update.effective_chat.id, replies)


async def send(context: ContextTypes.DEFAULT_TYPE, chat_id: int, replies: Sequence[Reply]) -> None:
    await send_replies(context.bot, chat_id, replies)


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> None:
    """Each reply as a message; a chart goes first, as a photo drawn in another process."""
    for reply in replies:
        if reply.chart is not None:
            await send_chart(bot, chat_id, reply.chart)
        await bot.send_message(
            chat_id, reply.text, parse_mode=ParseMode.HTML, reply_markup=keyboard(reply)
        )
        for attachment in reply.attachments:
            await bot.send_document(
                chat_id, InputFile(attachment.content, filename=attachment.filename)
            )


async def send_chart(bot: Bot, chat_id: int, chart: Chart) -> None:
    """The chart as a photo; if it cannot be drawn, the text after it still says every value."""
    try:
        picture = await draw_chart(chart)
    except ChartError as error:
        log.warning("chart_failed reason=%s", error)
        return
    await bot.send_photo(chat_id, InputFile(picture, filename="progress.png"))


def checkin_sender(bot: Bot) -> Send:
    """The dispatcher's `send` on Telegram, with Bot API errors told apart for it."""

    async def send_checkin(key: ClientKey, replies: Sequence[Reply]) -> None:
        if key.channel != "telegram":
            raise Rejected(key.channel)
        try:
            await send_replies(bot, int(key.external_id), replies)
        except Forbidden as error:
            raise Blocked() from error
        except RetryAfter as error:
            wait = error.retry_after
            after = wait if isinstance(wait, timedelta) else timedelta(seconds=wait)
            raise RetryLater(after) from error
        except BadRequest as error:  # a NetworkError subclass, but retrying cannot help
            raise Rejected(error.message) from error
        except NetworkError:
            raise  # the dispatcher backs off and tries again
        except TelegramError as error:
            raise Rejected(type(error).__name__) from error

    return send_checkin


async def retire_keyboard(message: Message) -> None:
    """Remove the buttons of a message once one was tapped, so old choices are not tapped again."""
    try:
        await message.edit_reply_markup(reply_markup=None)
    except BadRequest:
        pass  # already removed by an earlier tap


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure by ids and tell the client plainly; their saved data is untouched."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update_failed update=%s error=%s", update_id, type(error).__name__)
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await context.bot.send_message(
                update.effective_chat.id, say("common.something_went_wrong")
            )
        except TelegramError:
            log.warning("error_reply_failed update=%s", update_id)


async def set_menu(application: Application) -> None:  # type: ignore[type-arg]
    """Show the commands in Telegram's menu button."""
    commands = [BotCommand(name, say(f"menu.{name}")) for name in MENU_COMMANDS]
    await application.bot.set_my_commands(commands)


def api_urls(base: str) -> tuple[str, str]:
    """The Bot API and file URLs of a local Bot API server given as its root or its /bot URL."""
    root = base.rstrip("/").removesuffix("/bot")
    return f"{root}/bot", f"{root}/file/bot"


def build_application(settings: Settings, turns: TurnHandler) -> Application:  # type: ignore[type-arg]
    """The whole Telegram wiring in one place."""
    assert settings.telegram_bot_token is not None
    builder = (
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .rate_limiter(
            AIORateLimiter(overall_max_rate=settings.telegram_sends_per_second, max_retries=3)
        )
        .concurrent_updates(True)
    )
    if settings.telegram_api_base_url:
        api_url, file_url = api_urls(settings.telegram_api_base_url)
        builder = builder.base_url(api_url).base_file_url(file_url)
    application = builder.build()
    transport = TelegramTransport(turns)
    private_message = PRIVATE & filters.UpdateType.MESSAGE
    application.add_handlers(
        [
            MessageHandler(private_message & filters.COMMAND, transport.on_command),
            MessageHandler(private_message & filters.TEXT, transport.on_text),
            MessageHandler(PRIVATE & filters.UpdateType.EDITED_MESSAGE, transport.on_edited),
            MessageHandler(private_message, transport.on_media),
            CallbackQueryHandler(transport.on_button),
            MessageHandler(~PRIVATE & filters.COMMAND, transport.on_group),
        ]
    )
    application.add_error_handler(on_error)
    return application
