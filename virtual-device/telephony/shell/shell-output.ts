/** PrintWriter-ish helpers over a shell command's output streams. */
import { type CommandOutput } from '../../device/android-device';

export interface Printer {
  println(line?: string | number | boolean | null): void;
}

export function outPrinter(out: CommandOutput): Printer {
  return { println: (line = '') => out.stdout(`${line === null ? 'null' : String(line)}\n`) };
}

export function errPrinter(out: CommandOutput): Printer {
  return { println: (line = '') => out.stderr(`${line === null ? 'null' : String(line)}\n`) };
}

/** What BasicShellCommandHandler.exec prints when onCommand throws (the command returns -1). */
export function printUncaught(out: CommandOutput, cmd: string | null, error: unknown): void {
  const err = errPrinter(out);
  const name = error instanceof Error ? error.name : 'java.lang.RuntimeException';
  const message = error instanceof Error ? error.message : String(error);
  err.println();
  err.println(`Exception occurred while executing '${cmd ?? 'null'}':`);
  err.println(`${name.includes('.') ? name : `java.lang.${name}`}: ${message}`);
  if (/^(No )?[Aa]rgument expected/.test(message)) {
    err.println('\tat com.android.modules.utils.BasicShellCommandHandler.getNextArgRequired(BasicShellCommandHandler.java:295)');
  }
  err.println('\tat com.android.phone.TelephonyShellCommand.onCommand(TelephonyShellCommand.java:397)');
  err.println('\tat com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)');
}
