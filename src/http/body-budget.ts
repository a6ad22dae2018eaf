import type { IncomingMessage, ServerResponse } from 'node:http';

/** An error whose `status` the request listener answers with (4xx/5xx) and whose message it shows. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/**
 * Bytes of request bodies held in memory at once, across every request. A body is buffered before its signature can
 * be checked, so each request is capped (GitHub sends at most 25 MB) and so is their sum: without the second cap,
 * 100 concurrent 24 MB posts (signed or not) hold 2.4 GB. A request that would go over the budget is refused with
 * 503 and Retry-After before its body is read; Slack and GitHub retry or can redeliver.
 */
export class BodyBudget {
  private used = 0;

  constructor(readonly totalBytes: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Takes `bytes` from the budget; false if they are not available now. */
  tryTake(bytes: number): boolean {
    if (this.used + bytes > this.totalBytes) return false;
    this.used += bytes;
    return true;
  }

  give(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/**
 * Reads a request body within `limit` bytes and the shared budget. What is known up front (Content-Length) is
 * checked before a byte is read; a chunked body takes budget as it arrives. Refusals: 413 over the per-request limit,
 * 503 when the budget is spent. The bytes stay counted until the response is finished, since the body (and what
 * is parsed from it) is held that long; without `res`, until it is returned.
 */
export async function readBodyWithin(
  req: IncomingMessage,
  limit: number,
  { budget, res }: { budget?: BodyBudget; res?: ServerResponse } = {},
): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw new HttpError(413, `request body exceeds ${limit} bytes`);
  let taken = 0;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    budget?.give(taken);
  };
  const take = (bytes: number) => {
    if (budget && !budget.tryTake(bytes)) throw new HttpError(503, 'too many request bodies in flight; retry shortly');
    taken += bytes;
  };
  try {
    if (Number.isFinite(declared) && declared > 0) take(declared);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > limit) throw new HttpError(413, `request body exceeds ${limit} bytes`);
      if (size > taken) take(size - taken);
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks, size);
    if (res && !res.writableFinished) res.once('close', release);
    else release();
    return body;
  } catch (error) {
    release();
    throw error;
  }
}
