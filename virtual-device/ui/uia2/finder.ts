/**
 * The locator strategies of appium-uiautomator2-server 10.x (appium-probe REPORT.md §3, §5.9):
 * `id` (a short id resolves against the app package, as the real server does), `accessibility id`
 * (content-desc), `class name`, `xpath` (XPath 1.0 over the page source, @xmldom/xmldom + xpath)
 * and `-android uiautomator` (a UiSelector subset: resourceId, resourceIdMatches, text,
 * textContains, textStartsWith, textMatches, className, description, descriptionContains,
 * checked, clickable, enabled, instance, childSelector).
 */
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { pageSource } from '../page-source';
import { flatten, type ViewNode } from '../view';

export class InvalidSelector extends Error {}

export interface FindScope {
  readonly packageName: string;
  readonly root: ViewNode;
  readonly size: { width: number; height: number };
}

export function findViews(scope: FindScope, strategy: string, selector: string, context?: ViewNode): ViewNode[] {
  const all = context === undefined ? flatten(scope.root) : flatten(context).slice(1);
  switch (strategy) {
    case 'id': {
      const full = selector.includes(':id/') ? selector : `${scope.packageName}:id/${selector}`;
      return all.filter((n) => n.resourceId === full || (!selector.includes(':') && n.resourceId === `android:id/${selector}`));
    }
    case 'accessibility id':
      return all.filter((n) => n.contentDesc === selector);
    case 'class name':
      return all.filter((n) => n.className === selector);
    case 'xpath':
      return byXPath(scope, selector, all, context);
    case '-android uiautomator':
      return byUiSelector(all, selector);
    default:
      throw new InvalidSelector(`Locator Strategy '${strategy}' is not supported for this session`);
  }
}

function byXPath(scope: FindScope, selector: string, candidates: readonly ViewNode[], context: ViewNode | undefined): ViewNode[] {
  const { xml, order } = pageSource(scope.packageName, scope.root, scope.size);
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as Node;
  const elements = (xpath.select('//*', doc) as Node[]).filter((e) => e.nodeName !== 'hierarchy');
  let start: Node = doc;
  if (context !== undefined) {
    const at = order.indexOf(context);
    const node = elements[at];
    if (node === undefined) return [];
    start = node;
  }
  let hits: unknown;
  try {
    hits = xpath.select(selector, start);
  } catch (e) {
    throw new InvalidSelector(`Unable to locate an element with the given xpath '${selector}': ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(hits)) throw new InvalidSelector(`The xpath '${selector}' does not select elements`);
  return (hits as Node[]).filter((h) => h.nodeType === 1).map((h) => order[elements.indexOf(h)]).filter((n): n is ViewNode => n !== undefined && candidates.includes(n));
}

type Predicate = (n: ViewNode) => boolean;

const STRING_METHODS: Readonly<Record<string, (v: string) => Predicate>> = {
  resourceId: (v) => (n) => n.resourceId === v,
  resourceIdMatches: (v) => (n) => new RegExp(`^(?:${v})$`).test(n.resourceId),
  text: (v) => (n) => n.text === v,
  textContains: (v) => (n) => n.text.includes(v),
  textStartsWith: (v) => (n) => n.text.startsWith(v),
  textMatches: (v) => (n) => new RegExp(`^(?:${v})$`).test(n.text),
  className: (v) => (n) => n.className === v,
  description: (v) => (n) => n.contentDesc === v,
  descriptionContains: (v) => (n) => n.contentDesc.includes(v),
};
const BOOLEAN_METHODS: Readonly<Record<string, (n: ViewNode) => boolean>> = {
  checked: (n) => n.checked,
  clickable: (n) => n.clickable,
  enabled: (n) => n.enabled,
  checkable: (n) => n.checkable,
};

function byUiSelector(candidates: readonly ViewNode[], selector: string): ViewNode[] {
  const source = selector.trim().replace(/;$/, '');
  const child = /\.childSelector\(\s*(new UiSelector\(\).*)\)\s*$/s.exec(source);
  const own = child ? source.slice(0, child.index) : source;
  let matches = applySelector(candidates, own);
  if (child?.[1] !== undefined) {
    const inner = child[1];
    matches = matches.flatMap((m) => byUiSelector(flatten(m).slice(1), inner));
  }
  return [...new Set(matches)];
}

function applySelector(candidates: readonly ViewNode[], text: string): ViewNode[] {
  if (!/^new UiSelector\(\)/.test(text)) throw new InvalidSelector(`Could not parse UiSelector argument: '${text}' is not a UiSelector`);
  let result = [...candidates];
  let instance: number | undefined;
  const call = /\.(\w+)\(\s*("(?:[^"\\]|\\.)*"|true|false|-?\d+)?\s*\)/g;
  for (let m = call.exec(text); m !== null; m = call.exec(text)) {
    const [, method = '', rawArg = ''] = m;
    const arg = rawArg.startsWith('"') ? (JSON.parse(rawArg) as string) : rawArg;
    const stringMethod = STRING_METHODS[method];
    const booleanMethod = BOOLEAN_METHODS[method];
    if (stringMethod) result = result.filter(stringMethod(arg));
    else if (booleanMethod) result = result.filter((n) => booleanMethod(n) === (arg !== 'false'));
    else if (method === 'instance' || method === 'index') instance = Number(arg);
    else throw new InvalidSelector(`UiSelector has no method ${method}`);
  }
  if (instance !== undefined) {
    const one = result[instance];
    return one === undefined ? [] : [one];
  }
  return result;
}
