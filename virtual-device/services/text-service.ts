/**
 * Services that answer with a line of text and close: `root:`, `unroot:` and `remount:`
 * (adbd's restart_root_service / remount_service; adb reads the reply until the stream closes).
 * The text and the effect are the simulated Android's (AndroidDevice.root/unroot/remount);
 * `afterClose` runs once the answer has been delivered and the stream is gone.
 */
import { type DeviceStream, type ServiceStarter } from './device-stream';

export function textService(answer: () => string, afterClose?: (text: string) => void): ServiceStarter {
  return (output) => {
    let text: string;
    try {
      text = answer();
    } catch (e) {
      text = `${e instanceof Error ? e.message : String(e)}\n`;
    }
    if (text !== '') output.write(Buffer.from(text));
    output.end();
    if (afterClose === undefined) return ignoreInput;
    return { onData: () => undefined, onClose: () => setImmediate(() => afterClose(text)) };
  };
}

/** A stream whose service has nothing to do with what the host sends. */
export const ignoreInput: DeviceStream = {
  onData: () => undefined,
  onClose: () => undefined,
};
