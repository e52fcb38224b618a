/**
 * `getprop` (adb-protocol.md §6): with no argument one `[key]: [value]` line per property
 * (values may span lines); with a key, the value and a newline (an empty line when unset). Pure.
 */
import { prop, shellCommand, type ShellCommand } from '../adb';

export function getpropAllCommand(): ShellCommand {
  return shellCommand('getprop');
}

export function getpropCommand(key: string): ShellCommand {
  return shellCommand('getprop', prop(key));
}

/**
 * `[ro.build.version.sdk]: [35]` — adbkit's own regex, which lets a value run over newlines:
 * `/^\[([\s\S]*?)\]: \[([\s\S]*?)\]\r?$/gm`.
 */
export function parseGetpropAll(text: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const m of text.matchAll(/^\[([\s\S]*?)\]: \[([\s\S]*?)\]\r?$/gm)) {
    if (m[1] !== undefined) props.set(m[1], m[2] ?? '');
  }
  return props;
}

/** `getprop KEY` output: the value without its line end ('' when unset). */
export function parseGetprop(text: string): string {
  return text.replace(/\r?\n$/, '').replace(/\r$/, '');
}
