"""Updates through the whole stack, against a minimal python-telegram-bot echo bot in the same run.

Stack: fake Bot API server (this process) -> webhook POST -> PTB Application -> dialogs ->
database -> sendMessage back to the fake server. Every bot runs in its own process
(bench/stack_bot.py), so the fake server and the simulated clients do not share the bot's
interpreter, and each replica's CPU time and peak RSS (VmHWM) can be read from /proc.

Workload: `--clients` clients at once, each through the whole goal conversation of the tests
(tests/conversation.py GOAL_SCRIPT: commands, typed answers that go through crisis detection,
the SMART analyzer and encryption, and button taps), each client sending its next step when
the previous step's replies have arrived (closed loop). The echo bot gets the same updates
(same texts, same callback data) and answers each with one message (and answers callbacks).

Latency of an update: from just before the fake server POSTs it to the bot's webhook until the
last message the bot answers it with reaches the fake server. Throughput: updates / wall time.
Rows are measured interleaved, `--repeats` times, and medians are printed; each ratio pairs a
Waypoint row with the echo row of the same repeat, limiter setting and client count. The
machine is shared and noisy, so bot-process CPU per update is printed next to wall time.

    PYTHONPATH=. .venv/bin/python bench/stack_throughput.py [--clients 30] [--repeats 3]
        [--few-clients 10] [--postgres-url URL | --no-postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.fernet import Fernet  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from bot.storage.database import Database  # noqa: E402
from bot.storage.encryption import FieldCipher  # noqa: E402
from bot.turns import TurnHandler  # noqa: E402
from dialogs.clock import FixedClock  # noqa: E402
from dialogs.replies import Inbound, Reply  # noqa: E402
from nlp.pipeline import get_pipeline  # noqa: E402
from tests.conversation import GOAL_SCRIPT, SATURDAY, ScriptedClient  # noqa: E402
from tests.fakes.bot_api import JSON, FakeBotApi, SentMessage  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BOT_SCRIPT = ROOT / "bench" / "stack_bot.py"
# As `make run` and the README's systemd unit start a replica; the echo bot gets the same.
PYTHON_FLAGS = ("-OO",)
SECRET = "bench-webhook-secret"  # stack_bot.SECRET
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://waypoint:waypoint@127.0.0.1:5432/waypoint_test"
TARGET_RATIO = 1.5
TARGET_RSS_MB = 150.0
STEP_TIMEOUT = 60.0
START_TIMEOUT = 180.0
WARM_UP_CLIENTS = 2
FINAL_WORDS = "All set"  # the last reply of a completed goal conversation
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


# --------------------------------------------------------------------------- the script


@dataclass(frozen=True)
class Step:
    """One client action of the goal conversation and what Waypoint answers it with."""

    action: str  # "tap", "say" or "command"
    value: str  # a button label (tap) or the text sent
    data: str  # what the update carries: the text, or the tapped button's callback data
    replies: int  # messages Waypoint sends for it


def messages_for(replies: Sequence[Reply]) -> int:
    """Bot API sends for a turn's replies, as telegram_transport.send_replies makes them."""
    return sum(1 + (reply.chart is not None) + len(reply.attachments) for reply in replies)


async def dry_run() -> list[Step]:
    """The script through the turn handler once, to learn each step's reply count and data.

    The conversation is deterministic on the fixed clock, so every benchmark client gets the
    same number of messages per step; waiting for exactly that many is how a client knows its
    turn is answered.
    """
    with tempfile.TemporaryDirectory() as tmp:
        database = Database(f"sqlite+aiosqlite:///{tmp}/dry.db", new_cipher())
        await database.create_schema()
        client = ScriptedClient(TurnHandler(database, FixedClock(SATURDAY), "US", "UTC"))
        steps = []
        for action, value in GOAL_SCRIPT:
            data = client.option(value).value if action == "tap" else value
            inbound = {"tap": Inbound.choice, "say": Inbound.text, "command": Inbound.command}
            replies = await client.send(inbound[action](data))
            steps.append(Step(action, value, data, messages_for(replies)))
        await database.dispose()
    return steps


def new_cipher(key: bytes | None = None) -> FieldCipher:
    return FieldCipher([key or Fernet.generate_key()])


# --------------------------------------------------------------------------- the fake server


class MeasuringBotApi(FakeBotApi):
    """The tests' fake server, telling each waiting client when its replies have arrived.

    FakeBotApi.wait_for_messages wakes every waiter on every change, which with 50+ clients
    would cost the driver more than the bot; here a sent message resolves only its chat's future.
    """

    def __init__(self) -> None:
        super().__init__()
        self.auto_deliver = False  # the benchmark is the load balancer; no second delivery
        self.waiting: dict[int, tuple[int, asyncio.Future[float]]] = {}

    def _record(self, message: SentMessage) -> JSON:
        raw = super()._record(message)
        waiter = self.waiting.get(message.chat_id)
        if waiter is not None and len(self._sent[message.chat_id]) >= waiter[0]:
            del self.waiting[message.chat_id]
            if not waiter[1].done():
                waiter[1].set_result(time.perf_counter())
        return raw

    def expect(self, chat_id: int, more: int) -> asyncio.Future[float]:
        """Resolves with the arrival time once the bot sent `more` further messages to the chat."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[chat_id] = (len(self._sent.get(chat_id, [])) + more, future)
        return future


# --------------------------------------------------------------------------- bot processes


@dataclass
class BotProcess:
    """One bot (a Waypoint replica or the echo bot) in its own process."""

    name: str
    kind: str
    process: asyncio.subprocess.Process
    url: str
    log: Path

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process so far."""
        stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        fields = stat.rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def memory_mb(self) -> Memory:
        """VmHWM, the most resident memory the process has had, and RssAnon now: its own
        memory, without the pages of shared libraries that the page cache holds once for every
        process on the machine."""
        fields = dict.fromkeys(("VmHWM", "RssAnon"), float("nan"))
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in fields:
                fields[name] = int(value.split()[0]) / 1024
        return Memory(fields["VmHWM"], fields["RssAnon"])


@dataclass(frozen=True)
class Memory:
    peak_rss: float
    anonymous: float


@dataclass(frozen=True)
class BotSpec:
    name: str
    kind: str
    limiter: str
    database: str | None = None
    schema: str | None = None


async def start_bot(spec: BotSpec, api: FakeBotApi, key: bytes, logs: Path) -> BotProcess:
    """Start a bot process and wait until its webhook takes updates."""
    command = [sys.executable, *PYTHON_FLAGS, str(BOT_SCRIPT), spec.kind, "--api", api.url]
    command += ["--limiter", spec.limiter, "--now", SATURDAY.isoformat()]
    command += ["--database", spec.database] if spec.database else []
    command += ["--schema", spec.schema] if spec.schema else []
    log = logs / f"{spec.name.replace(' ', '_')}.log"
    with log.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            *command, stdout=asyncio.subprocess.PIPE, stderr=stderr, env=bot_env(key)
        )
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), START_TIMEOUT)
    if not line.startswith(b"READY "):
        tail = log.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"{spec.name} did not start:\n{tail}")
    return BotProcess(spec.name, spec.kind, process, line.split()[1].decode(), log)


def bot_env(key: bytes) -> dict[str, str]:
    env = {**os.environ, "PTB_TIMEDELTA": "true", "DATA_ENCRYPTION_KEY": key.decode()}
    env.pop("SPACY_MODEL", None)  # the target is for the blank pipeline
    return env


async def stop_bot(bot: BotProcess) -> None:
    """SIGTERM (graceful drain), then kill if it hangs."""
    if bot.process.returncode is not None:
        return
    bot.process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(bot.process.wait(), 20)
    except TimeoutError:
        bot.process.kill()
        await bot.process.wait()


# --------------------------------------------------------------------------- the workload


@dataclass(frozen=True)
class Row:
    """One line of the table: some bots measured under the same load."""

    name: str
    limiter: str
    bots: tuple[BotProcess, ...]
    clients: int
    baseline: str | None = None  # the echo row this one is compared with

    @property
    def echo(self) -> bool:
        return self.bots[0].kind == "echo"


@dataclass
class Sample:
    """One measured run of a row."""

    updates: int
    wall: float
    latencies: list[float]
    bot_cpu: float
    driver_cpu: float
    failures: int
    api_calls: int  # Bot API requests the bots made

    @property
    def throughput(self) -> float:
        return self.updates / self.wall

    @property
    def bot_cpu_per_update(self) -> float:
        return self.bot_cpu / self.updates

    @property
    def driver_cpu_per_update(self) -> float:
        return self.driver_cpu / self.updates

    @property
    def api_calls_per_update(self) -> float:
        return self.api_calls / self.updates

    def percentile(self, q: int) -> float:
        """Latency percentile in ms (nearest rank)."""
        ordered = sorted(self.latencies)
        if not ordered:
            return float("nan")
        return 1000 * ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


def update_for(api: FakeBotApi, chat: int, step: Step, echo: bool) -> JSON:
    """The update the client's phone sends for a step (the echo bot has no real buttons)."""
    if step.action != "tap":
        return api.send_text(chat, step.value)
    if echo:
        return api.press_button(chat, api.last_message(chat).message_id, step.data)
    message = api.last_keyboard_message(chat)
    for label in message.labels:
        if label.startswith(step.value):
            return api.press_button(chat, message.message_id, message.callback_data(label))
    raise LookupError(f"no button {step.value!r} among {message.labels}: {message.plain_text!r}")


async def converse(
    api: MeasuringBotApi, row: Row, steps: Sequence[Step], chat: int, latencies: list[float]
) -> bool:
    """One client through the script; False if a step failed or went unanswered."""
    for index, step in enumerate(steps):
        # Consecutive updates of one client go to alternating replicas, like a balancer would.
        target = row.bots[(chat + index) % len(row.bots)]
        try:
            update = update_for(api, chat, step, row.echo)
        except LookupError:  # the conversation went elsewhere than the script
            return False
        arrived = api.expect(chat, 1 if row.echo else step.replies)
        started = time.perf_counter()
        if await api.deliver_to_webhook(target.url, update, SECRET) != 200:
            return False
        try:
            latencies.append(await asyncio.wait_for(arrived, STEP_TIMEOUT) - started)
        except TimeoutError:
            return False
    return row.echo or FINAL_WORDS in (api.last_message(chat).plain_text or "")


async def run_clients(
    api: MeasuringBotApi, row: Row, steps: Sequence[Step], chats: range
) -> Sample:
    """All clients at once; CPU and wall time around the whole run."""
    latencies: list[float] = []
    bot_cpu = sum(bot.cpu_seconds() for bot in row.bots)
    driver_cpu = time.process_time()
    calls = len(api.calls)
    started = time.perf_counter()
    done = await asyncio.gather(*(converse(api, row, steps, chat, latencies) for chat in chats))
    wall = time.perf_counter() - started
    return Sample(
        updates=len(latencies),
        wall=wall,
        latencies=latencies,
        bot_cpu=sum(bot.cpu_seconds() for bot in row.bots) - bot_cpu,
        driver_cpu=time.process_time() - driver_cpu,
        failures=done.count(False),
        api_calls=len(api.calls) - calls,
    )


# --------------------------------------------------------------------------- databases


async def sqlite_url(directory: Path, name: str, key: bytes) -> str:
    url = f"sqlite+aiosqlite:///{directory / name}.db"
    database = Database(url, new_cipher(key))
    await database.create_schema()
    await database.dispose()
    return url


@contextlib.asynccontextmanager
async def postgres_schema(url: str, key: bytes) -> AsyncIterator[tuple[str, str]]:
    """A fresh schema with Waypoint's tables, dropped afterwards; yields (schema, version)."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(url)
    try:
        async with admin.begin() as connection:
            version = str((await connection.execute(text("SHOW server_version"))).scalar())
            await connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        database = Database(url, new_cipher(key), schema=schema)
        await database.create_schema()
        await database.dispose()
        yield schema, version
    finally:
        with contextlib.suppress(Exception):  # the server may have been what failed
            async with admin.begin() as connection:
                await connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        await admin.dispose()


async def postgres_available(url: str) -> str | None:
    """None if the server answers, else why not."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            await asyncio.wait_for(connection.execute(text("SELECT 1")), 10)
        return None
    except Exception as error:  # noqa: BLE001  (any failure means: skip those rows)
        return f"{type(error).__name__}: {error}".splitlines()[0]
    finally:
        await engine.dispose()


# --------------------------------------------------------------------------- the benchmark


@dataclass
class Setup:
    """The bot processes and the rows that use them."""

    bots: list[BotProcess] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def bot_specs(sqlite: dict[str, str], pg: tuple[str, str] | None) -> list[BotSpec]:
    specs = [
        BotSpec("echo", "echo", "unlimited"),
        BotSpec("Waypoint SQLite", "waypoint", "unlimited", sqlite["unlimited"]),
        BotSpec("echo limited", "echo", "configured"),
        BotSpec("Waypoint SQLite limited", "waypoint", "configured", sqlite["configured"]),
    ]
    if pg is not None:
        url, schema = pg
        specs += [BotSpec(f"Waypoint PG {n}", "waypoint", "unlimited", url, schema) for n in "AB"]
    return specs


def make_rows(bots: dict[str, BotProcess], clients: int, few: int) -> list[Row]:
    """Each Waypoint row next to the echo row with the same limiter and the same client count.

    The echo bot's CPU per update grows with concurrency (httpcore's connection pool is scanned
    per request), so the SQLite comparison is made at `clients` and at `few` clients.
    """
    echo, waypoint = (bots["echo"],), (bots["Waypoint SQLite"],)
    rows = [
        Row("echo bot", "off", echo, clients),
        Row("Waypoint, SQLite", "off", waypoint, clients, "echo bot"),
    ]
    if "Waypoint PG A" in bots:
        pg = (bots["Waypoint PG A"], bots["Waypoint PG B"])
        rows.append(Row("Waypoint, PostgreSQL, 1 replica", "off", pg[:1], clients, "echo bot"))
        rows.append(Row("Waypoint, PostgreSQL, 2 replicas", "off", pg, clients, "echo bot"))
    rows.append(Row("echo bot", "off", echo, few))
    rows.append(Row("Waypoint, SQLite", "off", waypoint, few, "echo bot"))
    rows.append(Row("echo bot", "30/s", (bots["echo limited"],), few))
    limited = (bots["Waypoint SQLite limited"],)
    rows.append(Row("Waypoint, SQLite", "30/s", limited, few, "echo bot"))
    return rows


async def warm_up(api: MeasuringBotApi, rows: Sequence[Row], steps: Sequence[Step]) -> None:
    """A couple of untimed conversations per bot: imports, pools and caches warm."""
    chats = itertools.count(1)
    for row in rows:
        for bot in row.bots:
            single = Row(row.name, row.limiter, (bot,), WARM_UP_CLIENTS)
            sample = await run_clients(api, single, steps, range_of(next(chats), WARM_UP_CLIENTS))
            if sample.failures:
                raise RuntimeError(f"warm-up failed on {bot.name}; see {bot.log}")


def range_of(block: int, clients: int) -> range:
    """Chat ids never used before, so every conversation starts from nothing."""
    start = block * 100_000
    return range(start, start + clients)


async def measure(
    api: MeasuringBotApi, rows: Sequence[Row], steps: Sequence[Step], repeats: int
) -> dict[int, list[Sample]]:
    """Every row `repeats` times, interleaved and in a rotating order, so drift hits all rows."""
    samples: dict[int, list[Sample]] = {index: [] for index in range(len(rows))}
    block = itertools.count(1_000)
    for repeat in range(repeats):
        order = list(range(len(rows)))
        order = order[repeat % len(order) :] + order[: repeat % len(order)]
        for index in order:
            row = rows[index]
            sample = await run_clients(api, row, steps, range_of(next(block), row.clients))
            samples[index].append(sample)
            label = f"{row.name} [{row.limiter}, {row.clients} clients]"
            print(f"  repeat {repeat + 1}: {label} {summary(sample)}")
    return samples


def summary(sample: Sample) -> str:
    return (
        f"{sample.throughput:.1f} upd/s, p50 {sample.percentile(50):.0f} ms, "
        f"p99 {sample.percentile(99):.0f} ms, failures {sample.failures}"
    )


# --------------------------------------------------------------------------- the report


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def baseline_pairs(
    rows: Sequence[Row], samples: dict[int, list[Sample]], index: int
) -> list[tuple[Sample, Sample]]:
    """(Waypoint, echo) samples of the same repeat; the echo row has the same limiter and load."""
    row = rows[index]
    base = next(
        i
        for i, r in enumerate(rows)
        if (r.name, r.limiter, r.clients) == (row.baseline, row.limiter, row.clients)
    )
    return list(zip(samples[index], samples[base], strict=True))


def ratios(rows: Sequence[Row], samples: dict[int, list[Sample]], index: int) -> list[float]:
    """Wall time per update against the echo bot's: throughputs inverted, both saturated."""
    return [echo.throughput / own.throughput for own, echo in baseline_pairs(rows, samples, index)]


def cpu_ratios(rows: Sequence[Row], samples: dict[int, list[Sample]], index: int) -> list[float]:
    """Bot CPU per update against the echo bot's (excludes the PostgreSQL server's CPU)."""
    return [
        own.bot_cpu_per_update / echo.bot_cpu_per_update
        for own, echo in baseline_pairs(rows, samples, index)
        if own.updates and echo.updates and echo.bot_cpu
    ]


HEADER = (
    f"{'row':<34}{'limiter':>8}{'clients':>8}{'upd/s':>8}{'p50 ms':>8}{'p99 ms':>8}"
    f"{'bot CPU':>9}{'fake CPU':>9}{'API':>6}{'time/upd':>10}{'CPU/upd':>9}{'fail':>6}"
)
SUBHEADER = f"{'':<66}{'ms/upd':>9}{'ms/upd':>9}{'/upd':>6}{'vs echo':>10}{'vs echo':>9}"


def table_line(rows: Sequence[Row], samples: dict[int, list[Sample]], index: int) -> str:
    row, runs = rows[index], samples[index]
    per_update = [1000 * s.bot_cpu_per_update for s in runs if s.updates]
    fake = [1000 * s.driver_cpu_per_update for s in runs if s.updates]
    ratio = cpu = ""
    if row.baseline:
        ratio = times(ratios(rows, samples, index))
        cpu = f"{median(cpu_ratios(rows, samples, index)):.2f}x"
    return (
        f"{row.name:<34}{row.limiter:>8}{row.clients:>8}"
        f"{median([s.throughput for s in runs]):>8.1f}"
        f"{median([s.percentile(50) for s in runs]):>8.0f}"
        f"{median([s.percentile(99) for s in runs]):>8.0f}"
        f"{median(per_update):>9.2f}{median(fake):>9.2f}"
        f"{median([s.api_calls_per_update for s in runs if s.updates]):>6.2f}{ratio:>10}{cpu:>9}"
        f"{sum(s.failures for s in runs):>6}"
    )


def times(values: Sequence[float]) -> str:
    return f"{median(values):.2f}x" if values else "n/a"


def report(setup: Setup, samples: dict[int, list[Sample]], peaks: dict[str, Memory]) -> None:
    rows = setup.rows
    print()
    for note in setup.notes:
        print(note)
    print()
    print(HEADER)
    print(SUBHEADER)
    for index in range(len(rows)):
        print(table_line(rows, samples, index))
    print()
    print_targets(rows, samples)
    print_memory(peaks)


def print_targets(rows: Sequence[Row], samples: dict[int, list[Sample]]) -> None:
    print(f"target: time per update at most {TARGET_RATIO}x the echo bot's on SQLite")
    for index, row in enumerate(rows):
        if row.baseline and "SQLite" in row.name:
            print(f"  {row.name}, limiter {row.limiter}, {row.clients} clients:")
            print(f"    wall time/upd {verdict(ratios(rows, samples, index))}")
            print(f"    bot CPU/upd   {verdict(cpu_ratios(rows, samples, index))}")


def verdict(values: Sequence[float]) -> str:
    """Median ratio, every repeat's ratio, and whether the target is met."""
    spread = ", ".join(f"{value:.2f}" for value in values)
    met = "met" if median(values) <= TARGET_RATIO else "NOT met"
    return f"{times(values)} (repeats: {spread}) -> {met}"


def print_memory(peaks: dict[str, Memory]) -> None:
    print(
        f"peak RSS per process (VmHWM over the whole run; target < {TARGET_RSS_MB:.0f} MB),"
        " and anonymous RSS at the end (the process's own, without shared library pages)"
    )
    for name, memory in peaks.items():
        verdict = ""
        if name.startswith("Waypoint"):
            verdict = " -> met" if memory.peak_rss < TARGET_RSS_MB else " -> NOT met"
        print(
            f"  {name:<26}{memory.peak_rss:>7.1f} MB{verdict:<12}"
            f" anonymous {memory.anonymous:>6.1f} MB"
        )


def configuration(args: argparse.Namespace, steps: Sequence[Step], pg: str) -> list[str]:
    pipeline = get_pipeline()
    taps = sum(step.action == "tap" for step in steps)
    return [
        f"Python {platform.python_version()} {' '.join(PYTHON_FLAGS)}, "
        f"python-telegram-bot {version('python-telegram-bot')}, "
        f"SQLAlchemy {version('sqlalchemy')}, spaCy {version('spacy')} pipeline "
        f"{pipeline.lang} blank + {pipeline.pipe_names} (SPACY_MODEL unset), "
        f"{os.cpu_count()} CPUs, {pg}",
        f"workload: {args.clients} or {args.few_clients} clients at once, each through the "
        f"{len(steps)}-step goal conversation ({taps} taps, {len(steps) - taps} texts/commands), "
        f"closed loop, webhook ingress, each bot in its own process; medians of {args.repeats} "
        "interleaved repeats",
        "limiter off = AIORateLimiter with the overall rate 0 (same code path, nothing held "
        "back; the group limit never applies to private chats); "
        "30/s = as build_application configures it (PTB defaults: 30 requests/s overall per "
        "process, 20/min per group, no per-private-chat limit); the echo bot gets the same",
        "time/upd vs echo = echo throughput / Waypoint throughput in the same repeat; "
        "CPU/upd vs echo = bot-process CPU per update (PostgreSQL server CPU not included); "
        "API/upd = Bot API requests the bot made per update (answers, edits, sends)",
    ]


# --------------------------------------------------------------------------- main


async def start_all(
    specs: Sequence[BotSpec], api: FakeBotApi, key: bytes, logs: Path
) -> list[BotProcess]:
    started = await asyncio.gather(
        *(start_bot(spec, api, key, logs) for spec in specs), return_exceptions=True
    )
    bots = [bot for bot in started if isinstance(bot, BotProcess)]
    errors = [error for error in started if isinstance(error, BaseException)]
    if errors:
        await asyncio.gather(*(stop_bot(bot) for bot in bots))
        raise errors[0]
    return bots


def compile_bytecode() -> None:
    """Bytecode for PYTHON_FLAGS ahead of the bots' start, as `make run` compiles it."""
    packages = [str(ROOT / name) for name in ("bot", "dialogs", "nlp")]
    command = [sys.executable, *PYTHON_FLAGS, "-m", "compileall", "-q", "-j", "0"]
    subprocess.run([*command, str(Path(sys.prefix) / "lib"), *packages], check=True)


async def run(args: argparse.Namespace, workdir: Path) -> None:
    print("compiling bytecode ...")
    compile_bytecode()
    print("dry run of the goal conversation (reply counts per step) ...")
    steps = await dry_run()
    key = Fernet.generate_key()
    sqlite = {
        s: await sqlite_url(workdir, f"waypoint-{s}", key) for s in ("unlimited", "configured")
    }
    async with contextlib.AsyncExitStack() as stack:
        pg_note, pg = await postgres(args, key, stack)
        api = MeasuringBotApi()
        await api.start()
        stack.push_async_callback(api.stop)
        print("starting bot processes ...")
        bots = await start_all(bot_specs(sqlite, pg), api, key, workdir)
        stack.push_async_callback(stop_all, bots)
        setup = Setup(bots, make_rows({b.name: b for b in bots}, args.clients, args.few_clients))
        setup.notes = configuration(args, steps, pg_note)
        await warm_up(api, setup.rows, steps)
        print("measuring ...")
        samples = await measure(api, setup.rows, steps, args.repeats)
        peaks = {bot.name: bot.memory_mb() for bot in bots}
        report(setup, samples, peaks)


async def stop_all(bots: Sequence[BotProcess]) -> None:
    await asyncio.gather(*(stop_bot(bot) for bot in bots))


async def postgres(
    args: argparse.Namespace, key: bytes, stack: contextlib.AsyncExitStack
) -> tuple[str, tuple[str, str] | None]:
    """The PostgreSQL URL and a fresh schema, or a note saying why those rows are skipped."""
    if args.no_postgres:
        return "PostgreSQL rows skipped (--no-postgres)", None
    problem = await postgres_available(args.postgres_url)
    if problem is not None:
        print(f"PostgreSQL not reachable ({problem}): skipping the PostgreSQL rows")
        return f"PostgreSQL not reachable: {problem}", None
    schema, version = await stack.enter_async_context(postgres_schema(args.postgres_url, key))
    return f"PostgreSQL {version} (local, schema {schema}, dropped afterwards)", (
        args.postgres_url,
        schema,
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30, help="concurrent clients per run")
    parser.add_argument("--repeats", type=int, default=3, help="runs per row (medians)")
    parser.add_argument(
        "--few-clients",
        type=int,
        default=10,
        help="clients for the low-concurrency rows, and the 30/s limiter rows (it caps the rate)",
    )
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get("WAYPOINT_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL),
    )
    parser.add_argument("--no-postgres", action="store_true")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    os.environ["PTB_TIMEDELTA"] = "true"
    workdir = Path(tempfile.mkdtemp(prefix="waypoint-stack-"))
    try:
        asyncio.run(run(args, workdir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
