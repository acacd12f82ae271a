"""Tests of the fake Bot API server, driven by a real python-telegram-bot Application."""

from __future__ import annotations

import asyncio
import datetime as dtm
import html
import io
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio
from telegram import (
    Bot,
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from tests.fakes.bot_api import FakeBotApi, parse_html, parse_markdown, polling, press

AnyApp = Application[Any, Any, Any, Any, Any, Any]
CHAT = 4242


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Echo text back with a two-button keyboard."""
    assert update.effective_message is not None and update.effective_message.text is not None
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton("Yes", callback_data="yes"),
                InlineKeyboardButton("No", callback_data="no"),
            ]
        ]
    )
    await update.effective_message.reply_text(
        f"echo: {html.escape(update.effective_message.text)}",
        parse_mode=ParseMode.HTML,
        reply_markup=keyboard,
    )


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer /start."""
    assert update.effective_message is not None
    await update.effective_message.reply_text("<b>Welcome</b>", parse_mode=ParseMode.HTML)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Answer a button press and edit the message."""
    query = update.callback_query
    assert query is not None
    await query.answer("noted")
    await query.edit_message_text(f"You chose {query.data}")


def build_app(server: FakeBotApi) -> AnyApp:
    """A real Application wired to the fake, with the test handlers."""
    app = server.application_builder().build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    app.add_handler(CallbackQueryHandler(on_button))
    return app


@pytest_asyncio.fixture
async def running(fake_bot_api: FakeBotApi) -> AsyncIterator[AnyApp]:
    """The test Application, polling the fake."""
    async with polling(build_app(fake_bot_api), fake_bot_api) as app:
        yield app


@pytest_asyncio.fixture
async def bot(fake_bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    """A bare Bot talking to the fake."""
    async with Bot(
        fake_bot_api.token,
        base_url=fake_bot_api.base_url,
        base_file_url=fake_bot_api.base_file_url,
    ) as client:
        yield client


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.asyncio
async def test_text_round_trips(fake_bot_api: FakeBotApi, running: AnyApp) -> None:
    """A text goes to the bot by getUpdates and the reply lands in the chat."""
    fake_bot_api.send_text(CHAT, "hello <you> & me")
    (reply,) = await fake_bot_api.wait_for_messages(CHAT, 1)
    assert reply.plain_text == "echo: hello <you> & me"
    assert reply.parse_mode == "HTML"
    assert reply.buttons == [[("Yes", "yes"), ("No", "no")]]
    assert reply.message_id == 2  # the user's message was 1
    await fake_bot_api.wait_until_idle()
    assert fake_bot_api.unknown_calls == []
    assert fake_bot_api.failed_calls() == []


@pytest.mark.asyncio
async def test_command_gets_entity(fake_bot_api: FakeBotApi, running: AnyApp) -> None:
    """A command is routed by PTB's CommandHandler thanks to the bot_command entity."""
    update = fake_bot_api.send_text(CHAT, "/start now")
    assert update["message"]["entities"][0]["length"] == 6
    await fake_bot_api.wait_until_idle()
    message = fake_bot_api.last_message(CHAT)
    assert message.plain_text == "Welcome"
    assert message.raw["entities"] == [{"type": "bold", "offset": 0, "length": 7}]


@pytest.mark.asyncio
async def test_button_press_round_trips(fake_bot_api: FakeBotApi, running: AnyApp) -> None:
    """A press reaches the CallbackQueryHandler, is answered, and the edit is applied."""
    fake_bot_api.send_text(CHAT, "hi")
    await fake_bot_api.wait_until_idle()
    update = press(fake_bot_api, CHAT, "Yes")
    await fake_bot_api.wait_until_idle()
    query_id = update["callback_query"]["id"]
    assert fake_bot_api.callback_answers[query_id]["text"] == "noted"
    assert fake_bot_api.unanswered_callback_queries() == []
    message = fake_bot_api.last_message(CHAT)
    assert message.plain_text == "You chose yes"
    assert message.buttons == []  # editMessageText without reply_markup drops the keyboard
    assert message.history[0].plain_text == "echo: hi"
    with pytest.raises(LookupError):
        fake_bot_api.press_label(CHAT, "Yes")


@pytest.mark.asyncio
async def test_many_updates_in_order(fake_bot_api: FakeBotApi, running: AnyApp) -> None:
    """Hundreds of updates are fetched in order and idle waits for all replies."""
    for number in range(200):
        fake_bot_api.send_text(CHAT + number % 5, f"m{number}")
    await fake_bot_api.wait_until_idle(timeout=20)
    assert len(fake_bot_api.messages(CHAT)) == 40
    texts = [m.plain_text for m in fake_bot_api.messages(CHAT)]
    assert texts == [f"echo: m{n}" for n in range(0, 200, 5)]


def test_html_check_unit() -> None:
    """The HTML check rejects what Telegram rejects and maps entities."""
    assert parse_html("a &lt;b&gt; &amp; <i>c</i>") == (
        "a <b> & c",
        [{"type": "italic", "offset": 8, "length": 1}],
    )
    bad = [
        "<script>x</script>",
        "a < b",
        "fish & chips",
        "<b>x",
        "<b>x</i>",
        "</b>",
        '<span class="x">s</span>',
        "<a>no href</a>",
        "&nbsp;",
    ]
    for text in bad:
        with pytest.raises(ValueError):
            parse_html(text)
    ok = '<a href="https://x.y/?a=1&amp;b=2">l</a> <tg-spoiler>s</tg-spoiler> <pre>p</pre>'
    assert parse_html(ok)[0] == "l s p"


def test_markdown_check_unit() -> None:
    """MarkdownV2 needs reserved characters escaped; entities are mapped."""
    plain, entities = parse_markdown(r"*Goal:* run 5km\. [plan](https://x.y/a\)b) `a\`b`")
    assert plain == "Goal: run 5km. plan a`b"
    assert [e["type"] for e in entities] == ["bold", "text_link", "code"]
    assert entities[1]["url"] == "https://x.y/a)b"
    for bad in ["Done.", "*open", "wow!", "a-b", "`code", "[t](u"]:
        with pytest.raises(ValueError):
            parse_markdown(bad)
    assert parse_markdown("Done. a-b!", v2=False) == ("Done. a-b!", [])
    assert parse_markdown("||secret|| __u__ ~s~", v2=True)[0] == "secret u s"


@pytest.mark.asyncio
async def test_html_rejected_and_escaped_accepted(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """sendMessage with bad HTML fails with Telegram's 400; escaped text passes."""
    with pytest.raises(BadRequest, match="(?i)can't parse entities: unsupported start tag"):
        await bot.send_message(CHAT, "<script>alert(1)</script>", parse_mode=ParseMode.HTML)
    text = html.escape("<script>alert(1)</script> & co")
    message = await bot.send_message(CHAT, text, parse_mode=ParseMode.HTML)
    assert message.text == "<script>alert(1)</script> & co"
    assert len(fake_bot_api.messages(CHAT)) == 1


@pytest.mark.asyncio
async def test_telegram_limits(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Too long, not modified, bad callback data and unknown methods answer like Telegram."""
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(CHAT, "x" * 4097)
    message = await bot.send_message(CHAT, "same")
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text("same", CHAT, message.message_id)
    button = InlineKeyboardButton("x", callback_data="d" * 65)
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(CHAT, "k", reply_markup=InlineKeyboardMarkup([[button]]))
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query("nope")
    with pytest.raises(Exception, match="not found"):
        await bot.do_api_request("sendHologram", api_kwargs={"chat_id": CHAT})
    assert [call.method for call in fake_bot_api.unknown_calls] == ["sendHologram"]


@pytest.mark.asyncio
async def test_fail_next_and_block(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Injected failures reach the bot as PTB's exceptions."""
    fake_bot_api.fail_next(
        "sendMessage",
        error_code=429,
        description="Too Many Requests: retry after 3",
        retry_after=3,
        chat_id=CHAT,
    )
    await bot.send_message(CHAT + 1, "other chat is unaffected")
    with pytest.raises(RetryAfter) as caught:
        await bot.send_message(CHAT, "x")
    assert caught.value.retry_after == dtm.timedelta(seconds=3)  # PTB_TIMEDELTA set by fixture
    await bot.send_message(CHAT, "second try works")
    fake_bot_api.block_chat(CHAT)
    with pytest.raises(Forbidden, match="(?i)bot was blocked by the user"):
        await bot.send_message(CHAT, "x")
    assert [chat for _, chat in fake_bot_api.sent_times] == [CHAT + 1, CHAT]


@pytest.mark.asyncio
async def test_handler_sees_forbidden(fake_bot_api: FakeBotApi) -> None:
    """A handler's send to a blocked chat raises Forbidden inside the Application."""
    errors: list[BaseException] = []

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Collect errors."""
        assert context.error is not None
        errors.append(context.error)

    app = build_app(fake_bot_api)
    app.add_error_handler(on_error)
    async with polling(app, fake_bot_api):
        fake_bot_api.block_chat(CHAT)
        fake_bot_api.send_text(CHAT, "anyone?")
        await fake_bot_api.wait_until_idle()
    assert len(errors) == 1 and isinstance(errors[0], Forbidden)


@pytest.mark.asyncio
async def test_send_document_keeps_bytes(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Uploaded bytes and filename are kept and downloadable with getFile."""
    payload = b"%PDF-1.4 progress record\x00\xff"
    sent = await bot.send_document(
        CHAT,
        InputFile(io.BytesIO(payload), filename="progress.pdf"),
        caption="<b>yours</b>",
        parse_mode=ParseMode.HTML,
    )
    message = fake_bot_api.last_message(CHAT)
    assert (message.document, message.filename) == (payload, "progress.pdf")
    assert message.caption == "<b>yours</b>" and message.plain_text == "yours"
    assert sent.document is not None and sent.document.file_name == "progress.pdf"
    file = await bot.get_file(sent.document.file_id)
    assert bytes(await file.download_as_bytearray()) == payload
    photo = await bot.send_photo(CHAT, b"\x89PNG fake")
    assert fake_bot_api.last_message(CHAT).photo == b"\x89PNG fake"
    assert photo.photo[-1].width == 800


@pytest.mark.asyncio
async def test_configuration_methods(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Commands, menu button, chat info and webhook info parse in PTB."""
    await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("crisis", "Get help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "crisis"]
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    assert await bot.set_chat_menu_button()
    assert (await bot.get_chat(CHAT)).id == CHAT
    assert (await bot.get_webhook_info()).url == ""
    await bot.send_chat_action(CHAT, "typing")
    assert (await bot.get_me()).username == "waypoint_test_bot"


@pytest.mark.asyncio
async def test_other_messages_and_edits(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Non-text messages and user edits de-serialise in PTB."""
    for kind in ["sticker", "photo", "voice", "video", "document", "location", "contact", "poll"]:
        fake_bot_api.send_other(CHAT, kind)
    original = fake_bot_api.send_text(CHAT, "draft")
    fake_bot_api.edit_text(CHAT, original["message"]["message_id"], "final")
    updates = await bot.get_updates(timeout=0)
    assert len(updates) == 10
    assert updates[0].message is not None and updates[0].message.sticker is not None
    assert updates[-1].edited_message is not None
    assert updates[-1].edited_message.text == "final"


@pytest.mark.asyncio
async def test_long_poll_waits_then_returns(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """getUpdates parks until an update arrives, and honours offset and timeout."""
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    queued = fake_bot_api.send_text(CHAT, "wake up")
    (update,) = await asyncio.wait_for(poll, 2)
    assert update.update_id == queued["update_id"]
    assert await bot.get_updates(offset=update.update_id + 1, timeout=0) == ()
    started = asyncio.get_running_loop().time()
    assert await bot.get_updates(offset=update.update_id + 1, timeout=1) == ()
    assert asyncio.get_running_loop().time() - started >= 0.9


@pytest.mark.asyncio
async def test_webhook_secret_checked(fake_bot_api: FakeBotApi) -> None:
    """PTB's webhook server rejects a wrong secret and accepts the right one."""
    fake_bot_api.auto_deliver = False
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram"
    app = build_app(fake_bot_api)
    fake_bot_api.attach(app)
    async with app:
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="telegram",
            secret_token="s3cret",
            webhook_url=url,
        )
        await app.start()
        update = fake_bot_api.send_text(CHAT, "via webhook")
        assert await fake_bot_api.deliver_to_webhook(url, update, "wrong") == 403
        assert await fake_bot_api.deliver_to_webhook(url, update, None) == 403
        assert await fake_bot_api.deliver_to_webhook(url, update, "s3cret") == 200
        await fake_bot_api.wait_until_idle()
        assert fake_bot_api.last_message(CHAT).plain_text == "echo: via webhook"
        await app.updater.stop()
        await app.stop()


@pytest.mark.asyncio
async def test_webhook_auto_delivery(fake_bot_api: FakeBotApi) -> None:
    """With a loopback webhook set, queued updates are pushed with the registered secret."""
    port = free_port()
    app = build_app(fake_bot_api)
    fake_bot_api.attach(app)
    async with app:
        assert app.updater is not None
        await app.updater.start_webhook(
            listen="127.0.0.1",
            port=port,
            url_path="hook",
            secret_token="abc",
            webhook_url=f"http://127.0.0.1:{port}/hook",
        )
        await app.start()
        fake_bot_api.send_text(CHAT, "one")
        fake_bot_api.send_text(CHAT, "two")
        await fake_bot_api.wait_until_idle()
        texts = [m.plain_text for m in fake_bot_api.messages(CHAT)]
        assert texts == ["echo: one", "echo: two"]
        await app.updater.stop()
        await app.stop()
    assert fake_bot_api.webhook_errors == []


@pytest.mark.asyncio
async def test_idle_waits_for_slow_handler(fake_bot_api: FakeBotApi) -> None:
    """With the Application attached, idle covers a handler that works before it replies."""

    async def slow(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Think, then reply."""
        assert update.effective_message is not None
        await asyncio.sleep(0.4)
        await update.effective_message.reply_text("done thinking")

    app = fake_bot_api.application_builder().build()
    app.add_handler(MessageHandler(filters.TEXT, slow))
    async with polling(app, fake_bot_api):
        fake_bot_api.send_text(CHAT, "think")
        await fake_bot_api.wait_until_idle()
        assert [m.plain_text for m in fake_bot_api.messages(CHAT)] == ["done thinking"]


@pytest.mark.asyncio
async def test_idle_reports_unanswered_query(fake_bot_api: FakeBotApi) -> None:
    """A callback query the bot never answers keeps the bot from being idle."""

    async def ignore(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Do nothing with the press."""

    app = build_app(fake_bot_api)
    app.handlers[0].insert(0, CallbackQueryHandler(ignore))
    async with polling(app, fake_bot_api):
        fake_bot_api.send_text(CHAT, "hi")
        await fake_bot_api.wait_until_idle()
        fake_bot_api.press_label(CHAT, "No")
        with pytest.raises(TimeoutError, match="callback queries not answered"):
            await fake_bot_api.wait_until_idle(timeout=0.5)


@pytest.mark.asyncio
async def test_allowed_updates_filter(fake_bot_api: FakeBotApi, bot: Bot) -> None:
    """Updates of types the bot did not ask for are dropped."""
    fake_bot_api.send_text(CHAT, "text")
    await bot.send_message(
        CHAT,
        "k",
        reply_markup=InlineKeyboardMarkup.from_button(InlineKeyboardButton("b", callback_data="b")),
    )
    fake_bot_api.press_label(CHAT, "b")
    updates = await bot.get_updates(timeout=0, allowed_updates=["callback_query"])
    assert [u.callback_query is not None for u in updates] == [True]


@pytest.mark.asyncio
async def test_idle_without_attach(fake_bot_api: FakeBotApi) -> None:
    """Without attach(), the quiet period bridges fetching and replying."""
    app = build_app(fake_bot_api)
    async with app:
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=dtm.timedelta(seconds=1))
        await app.start()
        fake_bot_api.send_text(CHAT, "a")
        fake_bot_api.send_other(CHAT, "photo", caption="a photo")
        fake_bot_api.send_text(CHAT, "b")
        await fake_bot_api.wait_until_idle()
        assert [m.plain_text for m in fake_bot_api.messages(CHAT)] == ["echo: a", "echo: b"]
        await app.updater.stop()
        await app.stop()
