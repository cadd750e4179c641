"""Telegram channels through the Telegram API (Telethon), with the user's own api id and hash.

Optional: `pip install 'skyledger[telegram]'`; Telethon is imported only when such a
source is polled. The api id and hash (from https://my.telegram.org) come from the
environment, and the session is created once, interactively, by
`skyledger sources telegram-login`; `watch` never prompts.

Messages become the same ChannelPost records the web preview gives, so ids
("channel/123"), edits and forwards follow the same rules as telegram-web.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from skyledger.records import Source
from skyledger.sources.live.poll import Poll, PollError, Unsupported, channel_poll
from skyledger.sources.telegram_web import ChannelPost

ENV_API_ID = "SKYLEDGER_TELEGRAM_API_ID"
ENV_API_HASH = "SKYLEDGER_TELEGRAM_API_HASH"
ENV_SESSION = "SKYLEDGER_TELEGRAM_SESSION"
RECENT_WINDOW = 20  # latest messages read every poll, to notice edits
MAX_NEW = 500  # messages read when catching up after a long pause


def session_path() -> str:
    default = Path(user_data_dir("skyledger", appauthor=False)) / "telegram.session"
    path = Path(os.environ.get(ENV_SESSION) or default)
    path.parent.mkdir(parents=True, exist_ok=True)
    return str(path)


def credentials() -> tuple[int, str]:
    api_id, api_hash = os.environ.get(ENV_API_ID, ""), os.environ.get(ENV_API_HASH, "")
    if not api_id.strip().isdigit() or not api_hash.strip():
        raise Unsupported(
            f"telegram-api sources need your api id and hash in ${ENV_API_ID} and ${ENV_API_HASH}"
        )
    return int(api_id), api_hash.strip()


def telethon_client():
    """A Telethon client (sync flavour) for the saved session; Unsupported when not installed."""
    try:
        from telethon.sync import TelegramClient
    except ImportError:
        raise Unsupported(
            "telegram-api sources require the telegram extra: pip install 'skyledger[telegram]'"
        ) from None
    api_id, api_hash = credentials()
    return TelegramClient(session_path(), api_id, api_hash)


def poll_telegram_api(source: Source, state: dict, client_factory=None) -> Poll:
    channel = source.name.lstrip("@")
    client = (client_factory or telethon_client)()
    try:
        client.connect()
        if not client.is_user_authorized():
            raise PollError(
                "the Telegram session is not logged in; run `skyledger sources telegram-login`"
            )
        posts = fetch_posts(client, channel, state.get("last_id"))
    except (PollError, Unsupported):
        raise
    except Exception as exc:  # Telethon raises many RPC error types
        raise PollError(f"Telegram API: {type(exc).__name__}: {exc}") from None
    finally:
        client.disconnect()
    return channel_poll(posts, source, state)


def fetch_posts(client, channel: str, last_id: int | None) -> list[ChannelPost]:
    """The latest messages, and those since `last_id` when more than a window came in."""
    messages = list(client.iter_messages(channel, limit=RECENT_WINDOW))
    oldest = min((message.id for message in messages), default=None)
    if last_id is not None and oldest is not None and oldest > last_id + 1:
        messages += list(
            client.iter_messages(channel, min_id=last_id, max_id=oldest, limit=MAX_NEW)
        )
    return [post for message in messages if (post := message_post(message, channel)) is not None]


def message_post(message, channel: str) -> ChannelPost | None:
    """A Telethon message as a ChannelPost; None for service messages and bare media."""
    text = (getattr(message, "message", None) or "").strip()
    if not text or getattr(message, "id", None) is None:
        return None
    return ChannelPost(
        channel=channel,
        id=int(message.id),
        text=text,
        published=getattr(message, "date", None),
        edited=getattr(message, "edit_date", None) is not None,
        forwarded_from=forwarded_name(message),
    )


def forwarded_name(message) -> str | None:
    """Who a forwarded message came from: the channel's title, else the name Telegram shows."""
    header = getattr(message, "fwd_from", None)
    if header is None:
        return None
    forward = getattr(message, "forward", None)
    chat = getattr(forward, "chat", None)
    if getattr(chat, "title", None):
        return chat.title
    sender = getattr(forward, "sender", None)
    person = " ".join(
        part
        for part in (getattr(sender, "first_name", None), getattr(sender, "last_name", None))
        if part
    )
    return (
        getattr(header, "from_name", None) or person or getattr(header, "post_author", None) or None
    )


def login() -> str:
    """Create or refresh the session interactively (phone number, code, 2FA password)."""
    client = telethon_client()
    client.start()
    me = client.get_me()
    client.disconnect()
    return getattr(me, "username", None) or getattr(me, "first_name", None) or "the account"
