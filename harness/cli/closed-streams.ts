/**
 * A reader that goes away must not change what a run does. `ims-rig run … | head -1` closes the
 * pipe after one line; Node then reports EPIPE on the next write to stdout, as an 'error' event on
 * the stream (SIGPIPE is ignored by Node). Left unhandled that event kills the process mid-run
 * with the wrong exit code and no reports; exiting on it (as the CLI once did) is just as wrong.
 * So a stream whose reader has gone is marked closed and every later write to it is dropped: the
 * run goes on, writes its reports and ends with its own exit code (issue 11, item 1).
 */

/** The error codes that mean "nobody reads this stream any more". */
const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END', 'ECONNRESET']);

interface GuardedStream {
  closed: boolean;
}

const guarded = new WeakMap<NodeJS.WritableStream, GuardedStream>();

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** True when `e` says the stream's reader has gone (a closed pipe or socket). */
export function isReaderGone(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && READER_GONE.has(code);
}

/**
 * Makes `stream` survive its reader going away: the first EPIPE marks it closed, later writes are
 * dropped (their callbacks still run, so nothing waits for ever). Other errors are rethrown as
 * before. Idempotent.
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  const state: GuardedStream = { closed: false };
  guarded.set(stream, state);
  stream.on('error', (e: unknown) => {
    if (isReaderGone(e)) {
      state.closed = true;
      return;
    }
    throw e;
  });
  const write = stream.write.bind(stream) as (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;
  const patched = (chunk: unknown, encoding?: unknown, callback?: unknown): boolean => {
    if (!state.closed && !stream.destroyed) {
      try {
        return write(chunk, encoding, callback);
      } catch (e) {
        if (!isReaderGone(e)) throw e;
        state.closed = true;
      }
    }
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
  stream.write = patched;
}

/** True once `stream`'s reader has gone (only for guarded streams). */
export function isStreamClosed(stream: NodeJS.WritableStream): boolean {
  return guarded.get(stream)?.closed ?? false;
}

/** Guards the process's stdout and stderr (the CLI does this first thing). */
export function guardStandardStreams(): void {
  guardStream(process.stdout);
  guardStream(process.stderr);
}
