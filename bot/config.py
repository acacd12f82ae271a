"""All settings in one place, read from the environment and `.env` (see .env.example)."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///data/waypoint.db"
# Clients are warned a week before their unused data is erased, so retention needs more.
MIN_RETENTION_DAYS = 14


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str | None = None
    database_url: str = DEFAULT_DATABASE_URL
    spacy_model: str | None = None
    data_encryption_key: SecretStr | None = None
    crisis_region: str = "US"
    default_timezone: str = "UTC"
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8443
    # Telegram's limit is about 30 messages a second for the whole bot; each replica paces its
    # own sends, so N replicas share it by each taking 30 / N.
    telegram_sends_per_second: float = Field(default=30.0, gt=0, le=30)
    log_level: str = "INFO"
    data_retention_days: int | None = None

    @field_validator(
        "telegram_bot_token",
        "telegram_api_base_url",
        "spacy_model",
        "data_encryption_key",
        "webhook_url",
        "webhook_secret",
        mode="before",
    )
    @classmethod
    def blank_is_unset(cls, value: object) -> object:
        """An empty line in .env (`TELEGRAM_BOT_TOKEN=`) means the setting is not set."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("data_retention_days", mode="before")
    @classmethod
    def blank_retention_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("data_retention_days")
    @classmethod
    def retention_leaves_time_to_warn(cls, value: int | None) -> int | None:
        if value is not None and value < MIN_RETENTION_DAYS:
            raise ValueError(f"DATA_RETENTION_DAYS must be at least {MIN_RETENTION_DAYS}")
        return value

    @field_validator("default_timezone")
    @classmethod
    def known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"DEFAULT_TIMEZONE {value!r} is not an IANA time zone") from error
        return value

    @field_validator("crisis_region")
    @classmethod
    def upper_region(cls, value: str) -> str:
        return value.strip().upper()

    @model_validator(mode="after")
    def webhook_needs_a_secret(self) -> Settings:
        """Without the secret, anyone who finds the URL could post updates as Telegram."""
        if self.webhook_url and not self.webhook_secret:
            raise ValueError("WEBHOOK_URL needs WEBHOOK_SECRET (letters, digits, _ and -)")
        return self

    @property
    def uses_telegram(self) -> bool:
        return self.telegram_bot_token is not None


@cache
def get_settings() -> Settings:
    return Settings()
