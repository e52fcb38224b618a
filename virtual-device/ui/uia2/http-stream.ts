/**
 * HTTP/1.1 over one device stream (a connection to `tcp:6790`, the far end of the driver's `adb
 * forward`): requests one after another on a keep-alive connection, bodies by Content-Length or
 * chunked, JSON replies with Content-Length. The driver's HTTP agent reuses connections
 * (appium-probe REPORT.md §4: 11 opens for 2 sessions).
 */
import { type DeviceStream, type ServiceStarter, type StreamOutput } from '../../services/device-stream';
import { type Reply } from './uia2-routes';

export type HttpHandler = (method: string, path: string, body: Record<string, unknown>) => Promise<Reply>;

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 400: 'Bad Request', 404: 'Not Found', 500: 'Internal Server Error' };

interface Request {
  readonly method: string;
  readonly path: string;
  readonly close: boolean;
  readonly body: Buffer;
}

/** Parses one request from the front of `buffer`; undefined when it is not complete yet. */
export function parseRequest(buffer: Buffer): { request: Request; rest: Buffer } | undefined {
  const end = buffer.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = buffer.subarray(0, end).toString('latin1').split('\r\n');
  const [method = 'GET', path = '/', version = 'HTTP/1.1'] = (head[0] ?? '').split(' ');
  const headers = new Map<string, string>();
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const close = (headers.get('connection') ?? (version === 'HTTP/1.0' ? 'close' : '')).toLowerCase() === 'close';
  let offset = end + 4;
  if ((headers.get('transfer-encoding') ?? '').toLowerCase() === 'chunked') {
    const parts: Buffer[] = [];
    for (;;) {
      const lineEnd = buffer.indexOf('\r\n', offset);
      if (lineEnd < 0) return undefined;
      const size = Number.parseInt(buffer.subarray(offset, lineEnd).toString('latin1'), 16);
      if (buffer.length < lineEnd + 2 + size + 2) return undefined;
      if (size === 0) {
        offset = lineEnd + 4;
        break;
      }
      parts.push(buffer.subarray(lineEnd + 2, lineEnd + 2 + size));
      offset = lineEnd + 2 + size + 2;
    }
    return { request: { method, path, close, body: Buffer.concat(parts) }, rest: buffer.subarray(offset) };
  }
  const length = Number(headers.get('content-length') ?? 0);
  if (buffer.length < offset + length) return undefined;
  return { request: { method, path, close, body: buffer.subarray(offset, offset + length) }, rest: buffer.subarray(offset + length) };
}

export function formatReply(reply: Reply, close: boolean): Buffer {
  const body = Buffer.from(JSON.stringify(reply.body));
  const head = [
    `HTTP/1.1 ${reply.status} ${STATUS_TEXT[reply.status] ?? 'Unknown'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${body.length}`,
    `Connection: ${close ? 'close' : 'keep-alive'}`,
    '', '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

class HttpConnection implements DeviceStream {
  private buffer: Buffer = Buffer.alloc(0);
  private busy = false;
  private closed = false;

  constructor(private readonly output: StreamOutput, private readonly handler: HttpHandler) {}

  onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    void this.pump();
  }

  onClose(): void {
    this.closed = true;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      for (let parsed = parseRequest(this.buffer); parsed !== undefined && !this.closed; parsed = parseRequest(this.buffer)) {
        this.buffer = parsed.rest;
        const { request } = parsed;
        let body: Record<string, unknown> = {};
        let reply: Reply;
        try {
          if (request.body.length > 0) body = JSON.parse(request.body.toString('utf8')) as Record<string, unknown>;
          reply = await this.handler(request.method, request.path, body);
        } catch (e) {
          reply = { status: 500, body: { sessionId: 'None', value: { error: 'unknown error', message: e instanceof Error ? e.message : String(e), stacktrace: '' } } };
        }
        if (this.closed || this.output.closed) return;
        if (!this.output.write(formatReply(reply, request.close))) await this.output.drained();
        if (request.close) {
          this.output.end();
          return;
        }
      }
    } finally {
      this.busy = false;
    }
  }
}

/** A device-port listener serving `handler` over HTTP. */
export function httpService(handler: HttpHandler): ServiceStarter {
  return (output) => new HttpConnection(output, handler);
}
