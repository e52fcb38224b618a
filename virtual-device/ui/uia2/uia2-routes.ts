/**
 * The HTTP API of appium-uiautomator2-server 10.x (AppiumServlet routes, no /wd/hub prefix; the
 * driver's proxy uses base '') in the subset the UiAutomator2 driver and WebdriverIO use
 * (appium-probe REPORT.md §3): status, session life cycle, element finding (./finder.ts), click,
 * text, attributes, rect, clear/value, source, screenshot, window size, device info, back/keys,
 * settings, W3C tap actions and the click gesture. Envelope `{sessionId, value}`; errors are W3C
 * error names with the HTTP status the server uses (404 no such element, 400 invalid argument…).
 */
import { randomUUID } from 'node:crypto';
import { SCREEN_WIDTH, WINDOW_BOTTOM } from '../layout';
import { pageSource } from '../page-source';
import { flatten, type ViewNode } from '../view';
import { findViews, InvalidSelector } from './finder';

export const UIA2_SERVER_VERSION = '10.6.6';
const W3C_ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** The device as the UiAutomator2 server's UiDevice sees it. */
export interface UiScreen {
  /** The focused window, freshly laid out. */
  window(): { packageName: string; root: ViewNode };
  click(node: ViewNode): void;
  setText(node: ViewNode, text: string): void;
  back(): void;
  screenshot(): Buffer;
  /** Waits until the app's posted work has run (UiDevice#waitForIdle). */
  idle(): Promise<void>;
  deviceInfo(): Record<string, unknown>;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

interface Session {
  readonly id: string;
  readonly capabilities: Record<string, unknown>;
  readonly ids: WeakMap<ViewNode, string>;
  readonly elements: Map<string, ViewNode>;
  settings: Record<string, unknown>;
}

export class Uia2Server {
  private session: Session | undefined;

  /** `onDeleted` runs after DELETE /session: the real server's instrumentation then ends. */
  constructor(private readonly screen: UiScreen, private readonly onDeleted: () => void) {}

  async handle(method: string, rawPath: string, body: Record<string, unknown>): Promise<Reply> {
    const path = (rawPath.split('?')[0] ?? '/').replace(/^\/wd\/hub/, '').replace(/\/+$/, '') || '/';
    if (method === 'GET' && path === '/status') return this.ok({ ready: true, message: 'UiAutomator2 Server is ready to accept commands', build: { versionName: UIA2_SERVER_VERSION, versionCode: 278 } });
    if (method === 'GET' && path === '/sessions') return this.ok(this.session ? [{ id: this.session.id, capabilities: this.session.capabilities }] : []);
    if (method === 'POST' && path === '/session') return this.createSession(body);
    const m = /^\/session\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) return this.error(404, 'unknown command', `The requested resource could not be found, or a request was received using an HTTP method that is not supported by the mapped resource: ${method} ${path}`);
    const session = this.session;
    if (!session || m[1] !== session.id) return this.error(404, 'invalid session id', `A session is either terminated or not started (${m[1] ?? ''})`);
    await this.screen.idle();
    try {
      return this.sessionRoute(session, method, m[2] ?? '/', body);
    } catch (e) {
      if (e instanceof InvalidSelector) return this.error(400, 'invalid selector', e.message);
      if (e instanceof StaleElement) return this.error(404, 'stale element reference', e.message);
      throw e;
    }
  }

  private createSession(body: Record<string, unknown>): Reply {
    const caps = body.capabilities as { firstMatch?: Record<string, unknown>[]; alwaysMatch?: Record<string, unknown> } | undefined;
    const capabilities = { ...(caps?.alwaysMatch ?? {}), ...(caps?.firstMatch?.[0] ?? {}) };
    this.session = { id: randomUUID(), capabilities, ids: new WeakMap(), elements: new Map(), settings: { ignoreUnimportantViews: false, allowInvisibleElements: false, waitForIdleTimeout: 10000 } };
    return { status: 200, body: { sessionId: this.session.id, value: { capabilities, sessionId: this.session.id } } };
  }

  private sessionRoute(s: Session, method: string, sub: string, body: Record<string, unknown>): Reply {
    const window = this.screen.window();
    const size = { width: SCREEN_WIDTH, height: WINDOW_BOTTOM };
    const route = `${method} ${sub.replace(/^\/element\/[^/]+/, '/element/:id')}`;
    const elementId = /^\/element\/([^/]+)/.exec(sub)?.[1];
    const element = (): ViewNode => {
      const node = elementId === undefined ? undefined : s.elements.get(elementId);
      if (node === undefined || !flatten(window.root).includes(node)) throw new StaleElement(`The element '${elementId ?? ''}' does not exist in DOM anymore`);
      return node;
    };
    switch (route) {
      case 'DELETE /':
        this.session = undefined;
        // The real server's instrumentation ends right after it answers DELETE.
        setImmediate(() => this.onDeleted());
        return this.ok(null);
      case 'GET /':
        return this.ok(s.capabilities);
      case 'POST /element':
      case 'POST /elements': {
        const contextId = typeof body.context === 'string' && body.context !== '' ? body.context : undefined;
        const context = contextId === undefined ? undefined : s.elements.get(contextId);
        if (contextId !== undefined && context === undefined) return this.error(404, 'stale element reference', `The element '${contextId}' does not exist in DOM anymore`);
        const found = findViews({ packageName: window.packageName, root: window.root, size }, String(body.strategy), String(body.selector), context);
        if (route === 'POST /elements') return this.ok(found.map((n) => this.ref(s, n)));
        const first = found[0];
        return first ? this.ok(this.ref(s, first)) : this.error(404, 'no such element', 'An element could not be located on the page using the given search parameters');
      }
      case 'POST /element/:id/click':
        this.screen.click(element());
        return this.ok(null);
      case 'GET /element/:id/text':
        return this.ok(element().text);
      case 'GET /element/:id/name':
        return this.ok(element().className);
      case 'GET /element/:id/rect':
      case 'GET /element/:id/location':
      case 'GET /element/:id/size': {
        const b = element().bounds;
        return this.ok({ x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top });
      }
      case 'POST /element/:id/clear':
        this.screen.setText(element(), '');
        return this.ok(null);
      case 'POST /element/:id/value': {
        const node = element();
        const text = typeof body.text === 'string' ? body.text : Array.isArray(body.value) ? body.value.join('') : '';
        this.screen.setText(node, body.replace === false ? node.text + text : text);
        return this.ok(null);
      }
      case 'GET /source':
        return this.ok(pageSource(window.packageName, window.root, size).xml);
      case 'GET /screenshot':
        return this.ok(this.screen.screenshot().toString('base64'));
      case 'POST /back':
        this.screen.back();
        return this.ok(null);
      case 'GET /orientation':
        return this.ok('PORTRAIT');
      case 'GET /appium/settings':
        return this.ok(s.settings);
      case 'POST /appium/settings':
        s.settings = { ...s.settings, ...(body.settings as Record<string, unknown> | undefined ?? {}) };
        return this.ok(null);
      case 'GET /appium/device/info':
        return this.ok(this.screen.deviceInfo());
      case 'GET /appium/device/pixel_ratio':
        return this.ok(2.625);
      case 'GET /appium/device/display_density':
        return this.ok(420);
      case 'GET /appium/device/system_bars':
        return this.ok({ statusBar: 63 });
      case 'POST /appium/device/press_keycode':
        if (body.keycode === 4) this.screen.back();
        return this.ok(null);
      case 'POST /appium/gestures/click': {
        const origin = (body.origin as Record<string, string> | undefined)?.[W3C_ELEMENT] ?? (body.origin as Record<string, string> | undefined)?.ELEMENT;
        const node = origin === undefined ? undefined : s.elements.get(origin);
        const offset = body.offset as { x?: number; y?: number } | undefined;
        const target = node ?? (offset ? this.hit(window.root, offset.x ?? 0, offset.y ?? 0) : undefined);
        if (target) this.screen.click(target);
        return this.ok(null);
      }
      case 'POST /actions':
        this.tapActions(window.root, body);
        return this.ok(null);
      case 'POST /appium/reset_ax_cache':
        return this.ok(null);
      default:
        if (method === 'GET' && /^\/element\/:id\/attribute\//.test(route.slice(4))) return this.ok(attribute(element(), decodeURIComponent(sub.split('/attribute/')[1] ?? '')));
        if (method === 'GET' && /^\/window\/[^/]+\/size$/.test(sub)) return this.ok({ width: SCREEN_WIDTH, height: WINDOW_BOTTOM });
        return this.error(404, 'unknown method', `Method has not yet been implemented: ${method} ${sub}`);
    }
  }

  private tapActions(root: ViewNode, body: Record<string, unknown>): void {
    const actions = (body.actions as { actions?: { type: string; x?: number; y?: number }[] }[] | undefined) ?? [];
    for (const source of actions) {
      let x = 0;
      let y = 0;
      for (const a of source.actions ?? []) {
        if (a.type === 'pointerMove') {
          x = a.x ?? x;
          y = a.y ?? y;
        }
        if (a.type === 'pointerUp') {
          const node = this.hit(root, x, y);
          if (node) this.screen.click(node);
        }
      }
    }
  }

  private hit(root: ViewNode, x: number, y: number): ViewNode | undefined {
    return flatten(root).reverse().find((n) => n.clickable && x >= n.bounds.left && x <= n.bounds.right && y >= n.bounds.top && y <= n.bounds.bottom);
  }

  private ref(s: Session, node: ViewNode): Record<string, string> {
    let id = s.ids.get(node);
    if (id === undefined) {
      id = randomUUID();
      s.ids.set(node, id);
      s.elements.set(id, node);
    }
    return { ELEMENT: id, [W3C_ELEMENT]: id };
  }

  private ok(value: unknown): Reply {
    return { status: 200, body: { sessionId: this.session?.id ?? 'None', value } };
  }

  private error(status: number, error: string, message: string): Reply {
    return { status, body: { sessionId: this.session?.id ?? 'None', value: { error, message, stacktrace: `io.appium.uiautomator2.common.exceptions: ${message}` } } };
  }
}

class StaleElement extends Error {}

/** GET /element/:id/attribute/:name as the server's ElementHelpers answers it (strings). */
function attribute(node: ViewNode, name: string): string | null {
  const b = node.bounds;
  switch (name) {
    case 'text': return node.text;
    case 'resource-id': case 'resourceId': return node.resourceId;
    case 'class': case 'className': return node.className;
    case 'content-desc': case 'contentDescription': return node.contentDesc;
    case 'checkable': return String(node.checkable);
    case 'checked': return String(node.checked);
    case 'clickable': return String(node.clickable);
    case 'enabled': return String(node.enabled);
    case 'displayed': return 'true';
    case 'focusable': return String(node.clickable);
    case 'selected': case 'focused': case 'password': case 'long-clickable': return 'false';
    case 'scrollable': return String(node.scrollable);
    case 'bounds': return `[${b.left},${b.top}][${b.right},${b.bottom}]`;
    case 'hint': return node.hint;
    default: return null;
  }
}
