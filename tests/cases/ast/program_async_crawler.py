import asyncio
from collections import defaultdict, deque
from contextlib import asynccontextmanager

MAX_DEPTH: int = 3


@asynccontextmanager
async def session(name):
    print("open", name)
    try:
        yield {"name": name, "hits": 0}
    finally:
        print("close", name)


async def fetch(url: str, *, delay: float = 0.01) -> list[str]:
    await asyncio.sleep(delay)
    return [f"{url}/{i}" for i in range(2)] if url.count("/") < MAX_DEPTH else []


async def crawl(root: str) -> dict[str, int]:
    seen: dict[str, int] = defaultdict(int)
    queue = deque([(root, 0)])
    async with session("crawl") as s:
        while queue:
            url, depth = queue.popleft()
            if seen[url]:
                continue
            seen[url] += 1
            s["hits"] += 1
            children = await fetch(url)
            queue.extend((c, depth + 1) for c in children if depth < MAX_DEPTH)
    return dict(seen)


async def main():
    results = await asyncio.gather(*(crawl(r) for r in ("a", "b")), return_exceptions=True)
    async for item in agen(3):
        print(item)
    return {k: v for r in results if isinstance(r, dict) for k, v in r.items()}


async def agen(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


if __name__ == "__main__":
    print(asyncio.run(main()))
