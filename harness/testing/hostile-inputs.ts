/** Inputs built to hurt a reader, shared by the tests that check ims-rig refuses them in words. */

/** Nine anchors, each a list of nine references to the one before: 9^9 nodes when expanded. `head` goes first (e.g. `id: bomb\n`). */
export function yamlAliasBomb(head = ''): string {
  let text = `${head}a: &a [x, x, x, x, x, x, x, x, x]\n`;
  let previous = 'a';
  for (const name of 'bcdefghi') {
    text += `${name}: &${name} [${Array<string>(9).fill(`*${previous}`).join(', ')}]\n`;
    previous = name;
  }
  return text;
}
