/**
 * Draws a laid-out window as a PNG, simply: a status bar, the action bar with the title, then each
 * view as Android's Material widgets look at a glance (buttons as filled boxes, check boxes with a
 * tick, edit texts underlined, lists as rows), with their text in a 5×7 pixel font (js-pixel-fonts'
 * "seven plus"). The image is a third of the screen's size (360×780), indexed colour, a few kB.
 */
import { encodeIndexedPng } from './png';
import { SCREEN_HEIGHT, SCREEN_WIDTH, STATUS_BAR_HEIGHT, WINDOW_BOTTOM } from './layout';
import { flatten, type Bounds, type ViewNode } from './view';

interface Glyph { readonly offset: number; readonly pixels: readonly (readonly (0 | 1)[])[] }
interface PixelFont { readonly glyphs: Readonly<Record<string, Glyph>> }
// js-pixel-fonts ships no types of its own that compile without pngjs's; only the data is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FONT = (require('js-pixel-fonts') as { fonts: { sevenPlus: PixelFont } }).fonts.sevenPlus;

const SCALE = 3;
const PALETTE: readonly (readonly [number, number, number])[] = [
  [255, 255, 255], // 0 background
  [33, 33, 33], // 1 text
  [25, 118, 210], // 2 primary (action bar, buttons)
  [255, 255, 255], // 3 text on primary
  [21, 101, 192], // 4 status bar
  [189, 189, 189], // 5 lines, disabled
  [0, 137, 123], // 6 accent (checked)
  [245, 245, 245], // 7 list row / popup
  [117, 117, 117], // 8 hint / secondary text
  [0, 0, 0], // 9 navigation bar
];

class Canvas {
  readonly width = Math.round(SCREEN_WIDTH / SCALE);
  readonly height = Math.round(SCREEN_HEIGHT / SCALE);
  readonly pixels = new Uint8Array(this.width * this.height);

  fill(b: Bounds, color: number): void {
    const [x0, y0, x1, y1] = [b.left, b.top, b.right, b.bottom].map((v) => Math.round(v / SCALE)) as [number, number, number, number];
    for (let y = Math.max(0, y0); y < Math.min(this.height, y1); y++) this.pixels.fill(color, y * this.width + Math.max(0, x0), y * this.width + Math.min(this.width, x1));
  }

  frame(b: Bounds, color: number): void {
    this.fill({ ...b, bottom: b.top + SCALE }, color);
    this.fill({ ...b, top: b.bottom - SCALE }, color);
    this.fill({ ...b, right: b.left + SCALE }, color);
    this.fill({ ...b, left: b.right - SCALE }, color);
  }

  /** Text at device coordinates, clipped to `maxRight`; returns nothing (overflow is cut). */
  text(x: number, y: number, text: string, color: number, maxRight: number): void {
    let cx = Math.round(x / SCALE);
    const cy = Math.round(y / SCALE);
    const limit = Math.round(maxRight / SCALE);
    for (const ch of text) {
      const glyph = FONT.glyphs[ch] ?? FONT.glyphs['?'];
      if (!glyph) continue;
      const w = glyph.pixels[0]?.length ?? 5;
      if (cx + w > limit) return;
      glyph.pixels.forEach((row, gy) => row.forEach((on, gx) => {
        const px = cx + gx;
        const py = cy + gy + glyph.offset;
        if (on === 1 && px >= 0 && px < this.width && py >= 0 && py < this.height) this.pixels[py * this.width + px] = color;
      }));
      cx += w + 1;
    }
  }

  /** Text wrapped into the box, one 7-pixel line every 10 pixels. */
  paragraph(b: Bounds, text: string, color: number): void {
    const perLine = Math.max(1, Math.floor((b.right - b.left) / (6 * SCALE)));
    const lines = text.split('\n').flatMap((l) => (l === '' ? [''] : l.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? ['']));
    lines.forEach((line, i) => {
      const y = b.top + 8 + i * 10 * SCALE;
      if (y + 7 * SCALE <= b.bottom + 4) this.text(b.left + 6, y, line.replace(/\r/g, ''), color, b.right);
    });
  }
}

function drawNode(c: Canvas, n: ViewNode): void {
  const b = n.bounds;
  if (b.bottom <= b.top) return;
  switch (n.className) {
    case 'android.widget.Button': {
      const box = { left: b.left, top: b.top + 10, right: b.right, bottom: b.bottom - 10 };
      c.fill(box, n.clickable && n.enabled ? 2 : 5);
      c.text(box.left + 24, box.top + (box.bottom - box.top) / 2 - 10, n.text.toUpperCase(), 3, box.right - 12);
      return;
    }
    case 'android.widget.CheckBox': {
      const size = Math.min(60, b.bottom - b.top - 20);
      const box = { left: b.left + 6, top: b.top + (b.bottom - b.top - size) / 2, right: b.left + 6 + size, bottom: b.top + (b.bottom - b.top + size) / 2 };
      if (n.checked) {
        c.fill(box, 6);
        c.text(box.left + 15, box.top + 15, 'v', 3, box.right);
      } else c.frame(box, 8);
      c.text(box.right + 24, b.top + (b.bottom - b.top) / 2 - 10, n.text, 1, b.right);
      return;
    }
    case 'android.widget.EditText':
      c.fill({ ...b, top: b.bottom - 18, bottom: b.bottom - 12 }, 6);
      c.text(b.left + 6, b.top + 40, n.text === '' ? n.hint : n.text, n.text === '' ? 8 : 1, b.right);
      return;
    case 'android.widget.Spinner':
      c.fill({ ...b, top: b.bottom - 12, bottom: b.bottom - 8 }, 5);
      c.text(b.right - 40, b.top + 40, 'v', 8, b.right);
      return;
    case 'android.widget.CheckedTextView':
      c.fill(b, 7);
      c.text(b.left + 30, b.top + 45, n.text, 1, b.right);
      return;
    case 'android.widget.ListView':
      c.fill(b, 7);
      return;
    case 'android.widget.TextView':
      if (n.resourceId.endsWith(':id/text1') && n.text !== '') c.text(b.left + 6, b.top + 30, n.text, 1, b.right);
      else c.paragraph(b, n.text, n.bold ? 1 : n.resourceId.endsWith(':id/configValue') ? 8 : 1);
      return;
    case 'android.view.ViewGroup':
    case 'android.widget.FrameLayout':
    case 'android.widget.LinearLayout':
    case 'android.widget.ScrollView':
    case 'android.widget.ImageButton':
      return; // containers draw nothing of their own; the up arrow is drawn with the action bar
  }
}

/** The PNG of a window (as laid out by layoutWindow), with the toast, if one shows, at the bottom. */
export function renderScreenshot(root: ViewNode, toast?: string): Buffer {
  const c = new Canvas();
  c.fill({ left: 0, top: 0, right: SCREEN_WIDTH, bottom: STATUS_BAR_HEIGHT }, 4);
  c.text(30, 18, '12:00', 3, 300);
  c.fill({ left: 0, top: WINDOW_BOTTOM, right: SCREEN_WIDTH, bottom: SCREEN_HEIGHT }, 9);
  for (const n of flatten(root)) {
    if (n.resourceId === 'android:id/action_bar') c.fill(n.bounds, 2);
    else if (n.bounds.top >= STATUS_BAR_HEIGHT && n.bounds.bottom <= STATUS_BAR_HEIGHT + 147 && n.className === 'android.widget.TextView') c.text(n.bounds.left, n.bounds.top, n.text, 3, n.bounds.right);
    else if (n.className === 'android.widget.ImageButton') c.text(n.bounds.left + 45, n.bounds.top + 60, '<-', 3, n.bounds.right);
    else drawNode(c, n);
  }
  if (toast !== undefined && toast !== '') {
    const box = { left: 120, top: WINDOW_BOTTOM - 260, right: SCREEN_WIDTH - 120, bottom: WINDOW_BOTTOM - 140 };
    c.fill(box, 1);
    c.text(box.left + 30, box.top + 50, toast, 3, box.right - 20);
  }
  return encodeIndexedPng(c.width, c.height, c.pixels, PALETTE);
}
