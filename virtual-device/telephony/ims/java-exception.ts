/**
 * An exception AOSP code would throw and not catch (it would kill com.android.phone). The reference
 * device logs it like AndroidRuntime does and abandons the handler message instead of killing the
 * process (see DeviceScheduler's uncaught handler in phone-app.ts).
 */
export class JavaException extends Error {
  constructor(
    readonly javaClass: string,
    message: string,
    readonly stack_: readonly string[],
  ) {
    super(message);
    this.name = javaClass;
  }

  /** Throwable.toString() + printStackTrace() lines. */
  traceLines(): string[] {
    return [`${this.javaClass}: ${this.message}`, ...this.stack_.map((frame) => `\tat ${frame}`)];
  }
}
