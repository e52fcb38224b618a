/**
 * The view tree an activity of the reference device shows: what UiAutomator2 dumps as the page
 * source (class, resource-id, text, content-desc, checkable/checked, clickable, enabled, bounds)
 * and what the screenshot draws. Widgets carry their behaviour (click, text entry); bounds are
 * given by ./layout.ts when the screen is laid out.
 */

export type WidgetClass =
  | 'android.widget.FrameLayout'
  | 'android.widget.LinearLayout'
  | 'android.widget.ScrollView'
  | 'android.widget.TextView'
  | 'android.widget.Button'
  | 'android.widget.ImageButton'
  | 'android.widget.CheckBox'
  | 'android.widget.CheckedTextView'
  | 'android.widget.EditText'
  | 'android.widget.Spinner'
  | 'android.widget.ListView'
  | 'android.view.ViewGroup';

export interface Bounds {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export interface ViewNode {
  readonly className: WidgetClass;
  /** `<package>:id/<entry>` as UiAutomator reports it, or '' for views without an id. */
  readonly resourceId: string;
  text: string;
  readonly contentDesc: string;
  readonly checkable: boolean;
  checked: boolean;
  clickable: boolean;
  enabled: boolean;
  readonly scrollable: boolean;
  readonly password: boolean;
  /** Hint shown while an EditText is empty (UiAutomator reports it as `hint`, not as text). */
  readonly hint: string;
  /** Bold heading (drawn darker); no effect on the page source. */
  readonly bold: boolean;
  children: ViewNode[];
  bounds: Bounds;
  /** Click behaviour (a Button's OnClickListener, a CheckBox toggling). */
  onClick?: () => void;
}

export interface ViewOptions {
  readonly id?: string;
  readonly text?: string;
  readonly desc?: string;
  readonly checked?: boolean;
  readonly clickable?: boolean;
  readonly enabled?: boolean;
  readonly hint?: string;
  readonly bold?: boolean;
  readonly onClick?: () => void;
}

const NO_BOUNDS: Bounds = { left: 0, top: 0, right: 0, bottom: 0 };

/** A view; `pkg` prefixes a short id (`reg_registered_button` → `<pkg>:id/reg_registered_button`). */
export function view(pkg: string, className: WidgetClass, options: ViewOptions = {}, children: ViewNode[] = []): ViewNode {
  const checkable = className === 'android.widget.CheckBox';
  const clickable = options.clickable ?? (className === 'android.widget.Button' || className === 'android.widget.ImageButton' || checkable
    || className === 'android.widget.EditText' || className === 'android.widget.Spinner');
  const node: ViewNode = {
    className,
    resourceId: options.id === undefined ? '' : options.id.includes(':id/') ? options.id : `${pkg}:id/${options.id}`,
    text: options.text ?? '',
    contentDesc: options.desc ?? '',
    checkable,
    checked: options.checked ?? false,
    clickable,
    enabled: options.enabled ?? true,
    scrollable: className === 'android.widget.ScrollView' || className === 'android.widget.ListView',
    password: false,
    hint: options.hint ?? '',
    bold: options.bold ?? false,
    children,
    bounds: NO_BOUNDS,
    ...(options.onClick === undefined ? {} : { onClick: options.onClick }),
  };
  if (checkable && options.onClick === undefined) node.onClick = () => { node.checked = !node.checked; };
  return node;
}

/** Every node under (and including) `root`, in document order. */
export function flatten(root: ViewNode): ViewNode[] {
  const out: ViewNode[] = [];
  const walk = (n: ViewNode): void => {
    out.push(n);
    n.children.forEach(walk);
  };
  walk(root);
  return out;
}

/** The first node with this resource id (full or short entry name). */
export function findById(root: ViewNode, id: string): ViewNode | undefined {
  return flatten(root).find((n) => n.resourceId === id || n.resourceId.endsWith(`:id/${id}`));
}
