/**
 * Lays an activity out on the reference device's 1080×2340 (420 dpi) screen the simple way: the
 * app window under the status bar, an action bar with the activity label, then the content views
 * top to bottom (a LinearLayout of CheckBoxes side by side, as ImsCallingActivity's 2×2 grid).
 * Heights are fixed per widget kind and scaled down together when a screen is taller than the
 * window, so every view keeps real, non-overlapping bounds. A popup (a Spinner's dropdown) sits
 * over the content.
 */
import { type Activity } from './activity';
import { view, type Bounds, type ViewNode } from './view';

export const SCREEN_WIDTH = 1080;
export const SCREEN_HEIGHT = 2340;
export const STATUS_BAR_HEIGHT = 63;
/** The app window ends above the 3-button navigation bar. */
export const WINDOW_BOTTOM = 2214;
const ACTION_BAR_HEIGHT = 147;
const MARGIN = 42;
const TEXT_LINE = 58;
const CHARS_PER_LINE = 34;

function textLines(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
}

function isRow(node: ViewNode): boolean {
  return node.className === 'android.widget.LinearLayout' && node.children.length > 1 && node.children.every((c) => c.className === 'android.widget.CheckBox');
}

/** Natural height of a view (before scaling). */
function heightOf(node: ViewNode): number {
  switch (node.className) {
    case 'android.widget.Button': return 132;
    case 'android.widget.CheckBox': return 110;
    case 'android.widget.CheckedTextView': return 126;
    case 'android.widget.EditText': return 124;
    case 'android.widget.Spinner': return 120;
    case 'android.widget.ImageButton': return 0; // drawn in the action bar
    case 'android.widget.TextView': return node.text === '' && node.resourceId !== '' ? TEXT_LINE : textLines(node.text) * TEXT_LINE;
    case 'android.view.ViewGroup':
    case 'android.widget.FrameLayout':
    case 'android.widget.LinearLayout':
    case 'android.widget.ListView':
    case 'android.widget.ScrollView':
      if (isRow(node)) return Math.max(...node.children.map(heightOf));
      return node.children.reduce((h, c) => h + heightOf(c), 0);
  }
}

function place(node: ViewNode, left: number, top: number, right: number, scale: number): number {
  if (node.className === 'android.widget.ImageButton') {
    node.bounds = { left: 0, top: STATUS_BAR_HEIGHT, right: ACTION_BAR_HEIGHT, bottom: STATUS_BAR_HEIGHT + ACTION_BAR_HEIGHT };
    return top;
  }
  const height = Math.round(heightOf(node) * scale);
  node.bounds = { left, top, right, bottom: top + height };
  if (isRow(node)) {
    const width = Math.floor((right - left) / node.children.length);
    node.children.forEach((c, i) => place(c, left + i * width, top, left + (i + 1) * width, scale));
  } else {
    let y = top;
    for (const child of node.children) y = place(child, left, y, right, scale);
  }
  return top + height;
}

/**
 * The window's view tree for an activity, with bounds: the tree UiAutomator2 dumps and the
 * screenshot draws. The content views are the activity's own objects (their state is live).
 */
export function layoutWindow(packageName: string, activity: Activity): ViewNode {
  const contentTop = STATUS_BAR_HEIGHT + ACTION_BAR_HEIGHT;
  const up = activity.content.filter((n) => n.className === 'android.widget.ImageButton');
  const body = view(packageName, 'android.widget.LinearLayout', {}, activity.content.filter((n) => n.className !== 'android.widget.ImageButton'));
  const natural = heightOf(body);
  const room = WINDOW_BOTTOM - contentTop - 2 * MARGIN;
  place(body, MARGIN, contentTop + MARGIN, SCREEN_WIDTH - MARGIN, natural > room ? room / natural : 1);
  for (const u of up) place(u, 0, 0, 0, 1);
  const title = view(packageName, 'android.widget.TextView', { text: activity.label, bold: true });
  title.bounds = { left: up.length > 0 ? ACTION_BAR_HEIGHT + 20 : MARGIN, top: STATUS_BAR_HEIGHT + 40, right: SCREEN_WIDTH - MARGIN, bottom: STATUS_BAR_HEIGHT + 110 };
  const actionBar = view(packageName, 'android.view.ViewGroup', { id: 'android:id/action_bar' }, [...up, title]);
  actionBar.bounds = { left: 0, top: STATUS_BAR_HEIGHT, right: SCREEN_WIDTH, bottom: contentTop };
  const content = view(packageName, 'android.widget.FrameLayout', { id: 'android:id/content' }, [body]);
  content.bounds = { left: 0, top: contentTop, right: SCREEN_WIDTH, bottom: WINDOW_BOTTOM };
  const children = [actionBar, content];
  if (activity.overlay) {
    const popup = activity.overlay;
    const h = heightOf(popup);
    place(popup, 200, 700, SCREEN_WIDTH - 200, 1);
    popup.bounds = { left: 200, top: 700, right: SCREEN_WIDTH - 200, bottom: 700 + h };
    children.push(popup);
  }
  const root = view(packageName, 'android.widget.FrameLayout', {}, children);
  root.bounds = { left: 0, top: 0, right: SCREEN_WIDTH, bottom: WINDOW_BOTTOM };
  return root;
}

/** The launcher's window (no app in front). */
export function launcherWindow(packageName: string): ViewNode {
  const root = view(packageName, 'android.widget.FrameLayout', { id: 'com.android.launcher3:id/launcher' });
  root.bounds = { left: 0, top: 0, right: SCREEN_WIDTH, bottom: SCREEN_HEIGHT };
  return root;
}

export function boundsText(b: Bounds): string {
  return `[${b.left},${b.top}][${b.right},${b.bottom}]`;
}
