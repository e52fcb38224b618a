/**
 * The reference device's UI side, as adb and a UiAutomator2 driver reach it: the window manager
 * (./window-manager.ts), `am start-activity` / `am force-stop` / `am instrument -w`, the
 * UiAutomator2 server the driver installs (it answers on device port 6790 while its
 * instrumentation runs, and stops after DELETE /session, a force-stop of either of its packages,
 * or when the host closes the `am instrument` stream — appium-probe REPORT.md §2 rows 11–17, §5.1),
 * and the `dumpsys window` / `dumpsys power` texts appium-adb parses (§5.2).
 */
import { type RingLogBuffer } from '../android/log/log-buffer';
import { type PackageManager } from '../android/platform';
import { type ServiceManager } from '../android/service-manager';
import { type DeviceSockets } from '../services/device-sockets';
import { imsTestServiceApp } from './apps/ims-test-service';
import { testRcsApp } from './apps/test-rcs-app';
import { layoutWindow, launcherWindow, SCREEN_HEIGHT, SCREEN_WIDTH } from './layout';
import { renderScreenshot } from './screenshot';
import { httpService } from './uia2/http-stream';
import { Uia2Server, type UiScreen } from './uia2/uia2-routes';
import { type ViewNode } from './view';
import { LAUNCHER_PACKAGE, WindowManager } from './window-manager';

export const UIA2_SERVER_PACKAGE = 'io.appium.uiautomator2.server';
export const UIA2_TEST_PACKAGE = 'io.appium.uiautomator2.server.test';
export const UIA2_DEVICE_PORT = 6790;

export interface UiServiceDeps {
  readonly pm: PackageManager;
  readonly log: RingLogBuffer;
  readonly services: ServiceManager;
  readonly ports: DeviceSockets;
  readonly nextPid: () => number;
  readonly props: (key: string) => string;
}

interface RunningInstrumentation {
  stop(reason: string): void;
}

export class UiService {
  readonly windows: WindowManager;
  private instrumentation: RunningInstrumentation | undefined;

  constructor(private readonly deps: UiServiceDeps) {
    this.windows = new WindowManager({
      pm: deps.pm, log: deps.log, services: deps.services, nextPid: deps.nextPid,
      post: (task) => setImmediate(task),
      apps: [imsTestServiceApp(), testRcsApp()],
    });
  }

  /** `am force-stop <pkg>`: the app, and the UiAutomator2 instrumentation when it is one of its packages. */
  forceStop(packageName: string): void {
    this.windows.forceStop(packageName);
    if (packageName === UIA2_SERVER_PACKAGE || packageName === UIA2_TEST_PACKAGE) this.instrumentation?.stop(`force-stop ${packageName}`);
  }

  /** A reboot: windows, processes and the instrumentation are gone. */
  reset(): void {
    this.instrumentation?.stop('reboot');
    this.windows.reset();
  }

  /**
   * `am instrument -w … <test pkg>/<runner>`: resolves with the exit status when the instrumentation
   * ends; until then the UiAutomator2 server answers on device port 6790.
   */
  instrument(target: string, out: (text: string) => void, signal: AbortSignal): Promise<number> {
    const [testPackage = '', runner = ''] = target.split('/');
    const info = this.deps.pm.get(testPackage);
    const declared = info?.instrumentation?.find((i) => i.name === runner || i.name === testPackage + runner);
    if (!declared || !this.deps.pm.get(declared.targetPackage)) {
      out(`INSTRUMENTATION_STATUS: id=ActivityManagerService\nINSTRUMENTATION_STATUS: Error=Unable to find instrumentation info for: ComponentInfo{${target}}\nINSTRUMENTATION_STATUS_CODE: -1\nandroid.util.AndroidException: INSTRUMENTATION_FAILED: ${target}\n`);
      return Promise.resolve(1);
    }
    this.instrumentation?.stop('replaced by a new instrumentation');
    return new Promise((resolve) => {
      const started = Date.now();
      const server = new Uia2Server(this.screen(), () => running.stop('session deleted'));
      const unlisten = this.deps.ports.listen(UIA2_DEVICE_PORT, httpService((method, path, body) => server.handle(method, path, body)));
      this.windows.extraProcesses.set(declared.targetPackage, this.deps.nextPid());
      const running: RunningInstrumentation = {
        stop: (reason) => {
          if (this.instrumentation !== running) return;
          this.instrumentation = undefined;
          unlisten();
          this.windows.extraProcesses.delete(declared.targetPackage);
          this.deps.log.write('I', 'ActivityManager', `Instrumentation ${target} finished: ${reason}`);
          out(`\nTime: ${((Date.now() - started) / 1000).toFixed(3)}\n\nOK (1 test)\n\nINSTRUMENTATION_CODE: -1\n`);
          resolve(0);
        },
      };
      this.instrumentation = running;
      signal.addEventListener('abort', () => running.stop('host closed the stream'), { once: true });
    });
  }

  /** The focused window as UiAutomator2 sees it. */
  focusedWindow(): { packageName: string; root: ViewNode } {
    const top = this.windows.top;
    if (!top) return { packageName: LAUNCHER_PACKAGE, root: launcherWindow(LAUNCHER_PACKAGE) };
    return { packageName: top.packageName, root: layoutWindow(top.packageName, top.activity) };
  }

  private screen(): UiScreen {
    return {
      window: () => this.focusedWindow(),
      click: (node) => {
        const pkg = this.windows.top?.packageName;
        if (node.onClick && node.enabled && pkg !== undefined) this.windows.runInApp(pkg, node.onClick);
      },
      setText: (node, text) => {
        if (node.className === 'android.widget.EditText') node.text = text;
      },
      back: () => this.windows.back(),
      screenshot: () => renderScreenshot(this.focusedWindow().root, this.windows.lastToast),
      // The app's posted work and binder callbacks run on setImmediate/timers: give them a turn.
      idle: () => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 4)),
      deviceInfo: () => ({
        androidId: 'ims0rig0ref0dev0', manufacturer: this.deps.props('ro.product.manufacturer'), model: this.deps.props('ro.product.model'),
        brand: this.deps.props('ro.product.brand'), apiVersion: this.deps.props('ro.build.version.sdk'), platformVersion: this.deps.props('ro.build.version.release'),
        carrierName: '', realDisplaySize: `${SCREEN_WIDTH}x${SCREEN_HEIGHT}`, displayDensity: 420, networks: [], locale: 'en_US', timeZone: 'UTC', bluetooth: { state: 'OFF' },
      }),
    };
  }

  /** `dumpsys window [displays]`: the focus lines and lock state appium-adb parses. */
  dumpsysWindow(): string {
    const { packageName, className } = this.windows.focusedComponent();
    const short = className.startsWith(`${packageName}.`) ? className.slice(packageName.length) : className;
    return [
      'WINDOW MANAGER DISPLAY CONTENTS (dumpsys window displays)',
      '  Display: mDisplayId=0 rootTasks=2',
      `    init=${SCREEN_WIDTH}x${SCREEN_HEIGHT} 420dpi cur=${SCREEN_WIDTH}x${SCREEN_HEIGHT} app=${SCREEN_WIDTH}x2214 rng=${SCREEN_WIDTH}x1017-2214x2214`,
      `  mCurrentFocus=Window{8a1b2c3 u0 ${packageName}/${className}}`,
      `  mFocusedApp=ActivityRecord{5d6e7f8 u0 ${packageName}/${short} t42}`,
      '  mShowingLockscreen=false mShowingDream=false mDreamingLockscreen=false',
      '  mScreenOnFully=true',
      '  KeyguardStateMonitor',
      '    mIsShowing=false',
      '    mInputRestricted=false',
      '  isStatusBarKeyguard=false',
      '',
    ].join('\n');
  }

  dumpsysPower(): string {
    return 'POWER MANAGER (dumpsys power)\n  mWakefulness=Awake\n  mHoldingDisplaySuspendBlocker=true\n  mHoldingWakeLockSuspendBlocker=false\n  Display Power: state=ON\n';
  }

  /** `dumpsys activity services [pkg]`: io.appium.settings' foreground service when it runs. */
  dumpsysActivityServices(filter: string | undefined): string {
    const settings = 'io.appium.settings';
    if (filter !== undefined && filter.startsWith(settings) && !filter.includes('Recorder') && this.windows.isRunning(settings)) {
      return `ACTIVITY MANAGER SERVICES (dumpsys activity services)\n  User 0 active services:\n  * ServiceRecord{7c1d2e3 u0 ${settings}/.ForegroundService}\n    intent={cmp=${settings}/.ForegroundService}\n    packageName=${settings}\n    processName=${settings}\n    isForeground=true foregroundId=1\n`;
    }
    return 'ACTIVITY MANAGER SERVICES (dumpsys activity services)\n  (nothing)\n';
  }
}
