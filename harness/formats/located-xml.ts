/**
 * A small element tree with line numbers, built on sax (the streaming parser xml2js itself uses).
 * The text-XML formats ims-rig reads (carrier config, TeleService overlay) must reject bad input
 * with the file *and line* of the fault, which xml2js's object output cannot give.
 *
 * Strict XML 1.0: a document that is not well-formed (the T-Mobile carrier config as AOSP ships
 * it, line 74) is an InputError naming file, line and column — the same fault Android's
 * XmlPullParser raises ("mismatched tag"), which makes DefaultCarrierConfigService drop the file.
 */
import * as sax from 'sax';
import { InputError } from '../errors/errors';
import { MAX_XML_DEPTH } from '../inputs/input-limits';

export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  /** Direct character data (text and CDATA, entities decoded), comments left out. */
  readonly text: string;
  /** 1-based line of the start tag's `<`. */
  readonly line: number;
  /** 1-based line of the first non-blank direct text, when there is any. */
  readonly textLine?: number;
}

interface MutableNode {
  name: string;
  attributes: Record<string, string>;
  children: MutableNode[];
  text: string;
  line: number;
  textLine?: number;
}

/** Formats `file:line[:column]: message`, the location prefix every XML error carries. */
export function xmlLocation(file: string, line: number, column?: number): string {
  return column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** Line starts of `text`, for turning sax character offsets into 1-based line numbers. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Rewrites sax's terse messages into what a person can act on. */
function describeSaxError(raw: string, closing: string | undefined, open: MutableNode | undefined): string {
  const first = raw.split('\n')[0] ?? raw;
  if (first === 'Unexpected close tag' && closing !== undefined && open) {
    return `mismatched tag: </${closing}> does not close <${open.name}> (opened at line ${open.line})`;
  }
  if (first === 'Unclosed root tag' && open) return `document ended before </${open.name}> (opened at line ${open.line})`;
  if (first === 'Text data outside of root node.') return 'text outside the root element';
  return `not well-formed XML: ${first}`;
}

/**
 * Parses `text` into an element tree. `file` is only used in messages (pass the path as the user
 * should see it). Throws InputError `file:line:column: what is wrong` for XML that is not
 * well-formed, and for an empty document.
 */
export function parseLocatedXml(text: string, file: string): XmlNode {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lineOf = lineIndex(body);
  // strictEntities: only XML's five named entities (sax would otherwise accept HTML ones like &nbsp;).
  const options: sax.SAXOptions & { strictEntities: boolean } = { position: true, trim: false, normalize: false, strictEntities: true };
  const parser = sax.parser(true, options);
  const stack: MutableNode[] = [];
  let root: MutableNode | undefined;
  let failure: InputError | undefined;

  const appendText = (chunk: string): void => {
    const top = stack[stack.length - 1];
    if (!top) return; // whitespace around the root; sax reports real stray text as an error
    top.text += chunk;
    if (top.textLine === undefined && chunk.trim() !== '') {
      const lead = chunk.length - chunk.trimStart().length;
      // sax reports text when it meets the next '<'; count the text's own newlines back from there.
      const endLine = parser.line + 1;
      const newlinesAfterLead = (chunk.slice(lead).match(/\n/g) ?? []).length;
      top.textLine = endLine - newlinesAfterLead;
    }
  };

  parser.onopentag = (tag) => {
    if (stack.length >= MAX_XML_DEPTH) {
      failure ??= new InputError(`${xmlLocation(file, parser.line + 1)}: elements nested more than ${MAX_XML_DEPTH} deep (a carrier config or overlay nests four)`, { file });
      throw failure;
    }
    const attributes: Record<string, string> = {};
    // Without the xmlns option sax gives plain string attributes.
    for (const [k, v] of Object.entries((tag as sax.Tag).attributes)) attributes[k] = v;
    const node: MutableNode = { name: tag.name, attributes, children: [], text: '', line: lineOf(Math.max(0, parser.startTagPosition - 1)) };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = appendText;
  parser.oncdata = appendText;
  parser.onerror = (e) => {
    const closing = (parser as unknown as { tagName?: string }).tagName;
    failure ??= new InputError(
      `${xmlLocation(file, parser.line + 1, parser.column + 1)}: ${describeSaxError(e.message, closing, stack[stack.length - 1])}`,
      { file, cause: e },
    );
    throw failure;
  };

  try {
    parser.write(body).close();
  } catch (e) {
    if (failure) throw failure;
    throw new InputError(`${file}: not well-formed XML: ${e instanceof Error ? e.message : String(e)}`, { file, cause: e });
  }
  if (!root) throw new InputError(`${file}: no root element (empty XML document)`, { file });
  return root;
}
