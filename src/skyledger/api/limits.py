"""Refusing oversized request bodies before anything parses them."""

from __future__ import annotations

import json

from skyledger.sources.limits import MAX_REPORT_BYTES

# One report may hold 1 MB of text; a body carries a little JSON around it.
MAX_BODY_BYTES = MAX_REPORT_BYTES + 64 * 1024


class BodyLimit:
    """ASGI middleware: 413 when Content-Length or the bytes actually sent exceed the limit.

    The body is read up to the limit and replayed to the app, so a client that lies
    about (or omits) Content-Length is cut off all the same.
    """

    def __init__(self, app, limit: int = MAX_BODY_BYTES):
        self.app = app
        self.limit = limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await too_large(send, self.limit)
            return
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await too_large(send, self.limit)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def too_large(send, limit: int) -> None:
    payload = json.dumps(
        {
            "detail": f"request body over {limit} bytes; a report may hold at most {MAX_REPORT_BYTES} bytes of text"
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
