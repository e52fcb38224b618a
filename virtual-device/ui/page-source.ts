/**
 * The page source a UiAutomator2 server returns (appium-uiautomator2-server 10.x AccessibilityNodeInfoDumper):
 * `<hierarchy index rotation width height>` with one element per view, named by its class, with
 * the attributes index, package, class, text, resource-id, checkable, checked, clickable, enabled,
 * focusable, focused, long-clickable, password, scrollable, selected, bounds, displayed, hint and
 * content-desc (appium-probe REPORT.md §3). `order` maps document order back to the views, for
 * XPath lookups.
 */
import { boundsText } from './layout';
import { type ViewNode } from './view';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');

export interface PageSource {
  readonly xml: string;
  /** The views in document order (the i-th element of the XML is order[i]). */
  readonly order: readonly ViewNode[];
}

export function pageSource(packageName: string, root: ViewNode, size: { width: number; height: number }): PageSource {
  const order: ViewNode[] = [];
  const lines: string[] = [];
  const walk = (node: ViewNode, index: number, depth: number): void => {
    order.push(node);
    const attrs: [string, string | boolean | number][] = [
      ['index', index], ['package', packageName], ['class', node.className], ['text', node.text], ['resource-id', node.resourceId],
      ['checkable', node.checkable], ['checked', node.checked], ['clickable', node.clickable], ['enabled', node.enabled],
      ['focusable', node.clickable || node.className === 'android.widget.EditText'], ['focused', false], ['long-clickable', false],
      ['password', node.password], ['scrollable', node.scrollable], ['selected', false], ['bounds', boundsText(node.bounds)],
      ['displayed', true], ['hint', node.hint], ['content-desc', node.contentDesc],
    ];
    const pad = '  '.repeat(depth);
    const text = attrs.map(([k, v]) => `${k}="${escape(String(v))}"`).join(' ');
    if (node.children.length === 0) {
      lines.push(`${pad}<${node.className} ${text} />`);
      return;
    }
    lines.push(`${pad}<${node.className} ${text}>`);
    node.children.forEach((c, i) => walk(c, i, depth + 1));
    lines.push(`${pad}</${node.className}>`);
  };
  walk(root, 0, 1);
  const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<hierarchy index="0" class="hierarchy" rotation="0" width="${size.width}" height="${size.height}">\n${lines.join('\n')}\n</hierarchy>`;
  return { xml, order };
}
