import { literalWord, ShellSyntaxError, tokenize, type Token } from '../sh-lexer';
import { parseScript, type SimpleCommand } from '../sh-parser';

function words(tokens: readonly Token[]): (string | undefined)[] {
  return tokens.filter((t) => t.type === 'word').map((t) => (t.type === 'word' ? literalWord(t) : undefined));
}

describe('sh tokenizer', () => {
  test("single quotes keep everything literal, double quotes keep spaces, backslash escapes one character", () => {
    expect(words(tokenize(`echo 'a  b' "c  d" e\\ f 'it'\\''s'`))).toEqual(['echo', 'a  b', 'c  d', 'e f', "it's"]);
  });

  test('adb 29 quoting (single quotes) and adbkit quoting (double quotes) give the same argv', () => {
    expect(words(tokenize(`cmd package 'install' -S 148`))).toEqual(['cmd', 'package', 'install', '-S', '148']);
    expect(words(tokenize(`pm install -r "/data/local/tmp/some.apk"`))).toEqual(['pm', 'install', '-r', '/data/local/tmp/some.apk']);
  });

  test('a digit glued to > or < is the fd of a redirection; a separate digit is a word', () => {
    const glued = tokenize('pm path x 2>/dev/null');
    expect(glued.find((t) => t.type === 'redirect')).toEqual({ type: 'redirect', fd: 2, op: '>' });
    const apart = tokenize('echo 2 > f');
    expect(words(apart)).toEqual(['echo', '2', 'f']);
    expect(apart.find((t) => t.type === 'redirect')).toEqual({ type: 'redirect', fd: undefined, op: '>' });
    expect(tokenize('cmd 2>&1').find((t) => t.type === 'redirect')).toEqual({ type: 'redirect', fd: 2, op: '>&' });
  });

  test('operators split words even without spaces', () => {
    expect(tokenize('a;b&&c||d|e').filter((t) => t.type === 'op').map((t) => (t.type === 'op' ? t.op : ''))).toEqual([';', '&&', '||', '|']);
  });

  test('$? and ${NAME} are parameters; inside single quotes they are text', () => {
    const [, param] = tokenize('echo $?');
    expect(param).toEqual({ type: 'word', parts: [{ kind: 'param', name: '?', quoted: false }] });
    expect(words(tokenize("echo '$?'"))).toEqual(['echo', '$?']);
  });

  test('an unterminated quote is an incomplete-input syntax error', () => {
    expect(() => tokenize("echo 'abc")).toThrow(ShellSyntaxError);
    expect(() => tokenize('echo "abc')).toThrow(expect.objectContaining({ incomplete: true }) as Error);
  });

  test('comments run to the end of the line; # inside a word is text', () => {
    expect(words(tokenize('echo a#b # comment'))).toEqual(['echo', 'a#b']);
  });
});

describe('sh parser', () => {
  test('lists, and-or chains and pipelines', () => {
    const script = parseScript('a && b || c; d | e | f');
    expect(script).toHaveLength(2);
    expect(script[0]?.rest.map((r) => r.op)).toEqual(['&&', '||']);
    expect(script[1]?.first.commands).toHaveLength(3);
  });

  test('redirections are collected with their fds; the default fd follows the operator', () => {
    const [item] = parseScript('cmd phone cc set-values-from-xml -s 0 < /data/local/tmp/x.xml 2>/dev/null >>out');
    const command = item?.first.commands[0] as SimpleCommand;
    expect(command.redirects.map((r) => [r.fd, r.op, literalWord(r.target)])).toEqual([[0, '<', '/data/local/tmp/x.xml'], [2, '>', '/dev/null'], [1, '>>', 'out']]);
  });

  test('leading NAME=value words are assignments', () => {
    const [item] = parseScript('A=1 B="x y" env');
    const command = item?.first.commands[0] as SimpleCommand;
    expect(command.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(command.words.map(literalWord)).toEqual(['env']);
  });

  test('a dangling operator is a syntax error', () => {
    expect(() => parseScript('echo a |')).toThrow(ShellSyntaxError);
    expect(() => parseScript('; echo')).toThrow(/unexpected/);
  });
});
