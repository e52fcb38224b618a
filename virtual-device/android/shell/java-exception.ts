/**
 * How an exception escaping an AOSP ShellCommand reaches the caller
 * (modules-utils BasicShellCommandHandler#exec): a blank line, "Exception occurred while executing
 * '<cmd>':", the stack trace, on stderr; the command's status is -1 (255 through sh).
 */
import { type CommandOutput } from '../../device/android-device';

export function printJavaException(out: CommandOutput, command: string, javaClass: string, message: string, frames: readonly string[] = []): number {
  const trace = frames.length > 0 ? frames : ['com.android.server.pm.PackageManagerShellCommand.onCommand(PackageManagerShellCommand.java:233)'];
  out.stderr(`\nException occurred while executing '${command}':\n${javaClass}: ${message}\n${trace.map((f) => `\tat ${f}\n`).join('')}\tat com.android.modules.utils.BasicShellCommandHandler.exec(BasicShellCommandHandler.java:97)\n\tat android.os.ShellCommand.exec(ShellCommand.java:38)\n\tat android.os.Binder.shellCommand(Binder.java:1093)\n`);
  return -1;
}
