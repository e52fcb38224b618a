/**
 * Dumps printed through Android's IndentingPrintWriter (dumpsys phone, dumpsys package) nest by
 * indentation. This turns such text into a tree so parsers address sections by their headings
 * ("Active controllers:") instead of by absolute column, which differs between the services that
 * wrap the dump (PhoneGlobals indents ImsResolver's own block). Pure.
 */
export interface IndentNode {
  /** The line without its indentation (trailing spaces kept: AOSP prints `Carrier: `). */
  readonly text: string;
  readonly indent: number;
  /** 0-based line number in the text given to buildIndentTree. */
  readonly line: number;
  readonly children: IndentNode[];
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Builds the forest of `lines`; blank lines are skipped. */
export function buildIndentTree(lines: readonly string[], firstLine = 0): IndentNode[] {
  const roots: IndentNode[] = [];
  const stack: IndentNode[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const node: IndentNode = { text: raw.trimStart(), indent: indentOf(raw), line: firstLine + i, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1] as IndentNode).indent >= node.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  });
  return roots;
}

/** The first child whose trimmed text equals `heading` (AOSP headings end with `:`). */
export function child(node: IndentNode | undefined, heading: string): IndentNode | undefined {
  return node?.children.find((c) => c.text.trim() === heading);
}

/** Texts of a node's direct children, trimmed on the right. */
export function childTexts(node: IndentNode | undefined): string[] {
  return node?.children.map((c) => c.text.trimEnd()) ?? [];
}

/** Every line of a subtree, flattened, each re-indented relative to the subtree root. */
export function flatten(node: IndentNode): string[] {
  const out: string[] = [];
  const walk = (n: IndentNode, depth: number): void => {
    out.push(`${'  '.repeat(depth)}${n.text.trimEnd()}`);
    n.children.forEach((c) => walk(c, depth + 1));
  };
  walk(node, 0);
  return out;
}
