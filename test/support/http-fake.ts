// Shared plumbing for the loopback fakes: a recording HTTP server with fault injection and latency.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Fault {
  /** HTTP status to answer with (429, 500, 502…). */
  status: number;
  /** Retry-After header, seconds (429). */
  retryAfter?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface PendingFault extends Fault {
  matches: (key: string) => boolean;
  remaining: number;
}

export abstract class RecordingServer {
  protected server?: Server;
  url = '';
  /** Artificial latency added to every answer (benchmarks). */
  latencyMs = 0;
  private faults: PendingFault[] = [];
  private lostAnswers: { matches: (key: string) => boolean; remaining: number; mode: 'reset' | 'hang' }[] = [];
  private readonly losing = new WeakMap<ServerResponse, 'reset' | 'hang'>();

  /**
   * The next `times` requests whose key matches are processed (state changes, recorded) but their answer is lost:
   * `reset` destroys the connection, `hang` never answers. The platform did the work; the client cannot know.
   */
  loseAnswerNext(match: string | RegExp, times: number, mode: 'reset' | 'hang' = 'reset'): void {
    const matches = typeof match === 'string' ? (key: string) => match === '*' || key === match : (key: string) => match.test(key);
    this.lostAnswers.push({ matches, remaining: times, mode });
  }

  /** Called by the fakes with each request's key, before they process it. */
  protected checkLostAnswer(key: string, res: ServerResponse): void {
    const lost = this.lostAnswers.find((l) => l.remaining > 0 && l.matches(key));
    if (!lost) return;
    lost.remaining -= 1;
    this.losing.set(res, lost.mode);
  }

  /** The next `times` requests whose key (Slack method, or "METHOD /path") matches answer with `fault`. */
  failNext(match: string | RegExp, times: number, fault: Fault): void {
    const matches = typeof match === 'string' ? (key: string) => match === '*' || key === match : (key: string) => match.test(key);
    this.faults.push({ ...fault, matches, remaining: times });
  }

  /** Drops every pending fault: the platform has recovered. */
  clearFaults(): void {
    this.faults = [];
  }

  protected takeFault(key: string): Fault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && f.matches(key));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return fault;
  }

  protected abstract handle(req: IncomingMessage, body: Buffer, res: ServerResponse): Promise<void> | void;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      try {
        await this.handle(req, Buffer.concat(chunks), res);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake server error: ${(error as Error).message}` }));
      }
    });
    this.server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  protected send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const lost = this.losing.get(res);
    if (lost === 'reset') return void res.socket?.destroy();
    if (lost === 'hang') return;
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(text);
  }

  protected sendFault(res: ServerResponse, fault: Fault): void {
    const headers: Record<string, string> = { ...(fault.headers ?? {}) };
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
    this.send(res, fault.status, fault.body ?? { ok: false, error: fault.status === 429 ? 'ratelimited' : 'fake_fault', message: 'injected fault' }, headers);
  }
}
