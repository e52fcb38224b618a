/**
 * What a message must not contain when it reaches a user: the JavaScript engine's or Node's own
 * words for a bug (issue 11: "no JavaScript engine messages leaking"). ims-rig's errors say what is
 * wrong with the input, in the input's terms.
 */
export const ENGINE_WORDS = new RegExp([
  'Cannot read propert', 'Cannot set propert', 'is not a function', 'is not iterable', 'is not defined',
  'Maximum call stack', 'Unexpected token', 'Unexpected end of JSON', 'JSON at position', 'Invalid array length',
  'Invalid string length', 'out of range\\. It must be', 'ERR_[A-Z_]{4,}', 'RangeError', 'TypeError',
  'ReferenceError', 'SyntaxError', 'undefined is not', 'null is not', 'Cannot convert', '\\bat (?:Object|Module|async)\\.',
].join('|'));

/** The engine words `text` contains, if any (for readable test failures). */
export function engineWordsIn(text: string): string | undefined {
  return ENGINE_WORDS.exec(text)?.[0];
}
