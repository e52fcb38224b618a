/**
 * Services that answer with a line of text and close: `root:`, `unroot:` and `remount:`
 * (adbd's restart_root_service / remount_service; adb reads the reply until the stream closes).
 * The text and the effect are the simulated Android's (AndroidDevice.root/unroot/remount).
 */
import { type DeviceStream, type ServiceStarter } from './device-stream';

export function textService(answer: () => string): ServiceStarter {
  return (output) => {
    let text: string;
    try {
      text = answer();
    } catch (e) {
      text = `${e instanceof Error ? e.message : String(e)}\n`;
    }
    if (text !== '') output.write(Buffer.from(text));
    output.end();
    return ignoreInput;
  };
}

/** A stream whose service has nothing to do with what the host sends. */
export const ignoreInput: DeviceStream = {
  onData: () => undefined,
  onClose: () => undefined,
};
