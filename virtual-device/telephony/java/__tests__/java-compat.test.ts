import { pair, featureSet, arraySetToString, hashSetToString, printFeatures } from '../../ims/feature-slot-pair';
import { componentHash, componentName } from '../../ims/component-name';
import { collectText, IndentingWriter } from '../indenting-writer';
import { JavaHashMap, JavaHashSet, javaStringHash } from '../java-hash';
import { formatLocalDateTime, LocalLog } from '../local-log';

describe('java.lang.String.hashCode', () => {
  it('matches known Java values, including 32-bit overflow', () => {
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('Aa')).toBe(2112);
    expect(javaStringHash('BB')).toBe(2112);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });

  it('ComponentName.hashCode is the sum of package and class hashes', () => {
    expect(componentHash(componentName('Aa', 'BB'))).toBe(4224);
  });
});

describe('java.util.HashMap / HashSet iteration order', () => {
  const strings = (): JavaHashMap<string, number> => new JavaHashMap<string, number>(javaStringHash, (s) => s);

  it('iterates by bucket, not by insertion', () => {
    const map = strings();
    map.set('b', 1).set('a', 2);
    expect(map.keys()).toEqual(['a', 'b']);
  });

  it('keeps insertion order inside a bucket, and an overwritten key keeps its place', () => {
    const map = strings();
    map.set('BB', 1).set('Aa', 2).set('BB', 3);
    expect(map.entries()).toEqual([['BB', 3], ['Aa', 2]]);
    map.delete('BB');
    map.set('BB', 4);
    expect(map.keys()).toEqual(['Aa', 'BB']);
  });

  it('grows past 12 entries and re-buckets like a resize', () => {
    const map = strings();
    const keys = Array.from({ length: 13 }, (_, i) => String.fromCharCode(97 + 16 * (i % 2)) + i);
    for (const k of keys) map.set(k, 0);
    const mask = 31;
    const buckets = map.keys().map((k) => { const h = javaStringHash(k); return (h ^ (h >>> 16)) & mask; });
    expect([...buckets].sort((a, b) => a - b)).toEqual(buckets);
  });

  it('orders FeatureSlotPair sets like AOSP prints them (metadata insertion order matters within a bucket)', () => {
    // addFeatureForAllSlots(MMTEL), then EMERGENCY_MMTEL, then RCS on two slots.
    const set = featureSet([pair(0, 1), pair(1, 1), pair(0, 0), pair(1, 0), pair(0, 2), pair(1, 2)]);
    expect(printFeatures(set)).toBe(' features: [{1,MMTEL}{0,EMERGENCY_MMTEL}{0,MMTEL}{1,RCS}{0,RCS}{1,EMERGENCY_MMTEL}]');
    expect(hashSetToString(featureSet([pair(0, 1)]))).toBe('[{s=0, f=MMTEL}]');
    expect(arraySetToString([pair(1, 1), pair(0, 2), pair(0, 1)])).toBe('{{s=0, f=MMTEL}, {s=0, f=RCS}, {s=1, f=MMTEL}}');
    expect(new JavaHashSet(javaStringHash, (s: string) => s, ['x']).equals(['x'])).toBe(true);
  });
});

describe('android.util.LocalLog and IndentingPrintWriter', () => {
  it('prints LocalDateTime.toString(): seconds and millis only when non-zero', () => {
    expect(formatLocalDateTime(new Date(Date.UTC(2025, 2, 1, 10, 0, 1, 120)))).toBe('2025-03-01T10:00:01.120');
    expect(formatLocalDateTime(new Date(Date.UTC(2025, 2, 1, 10, 0, 5, 0)))).toBe('2025-03-01T10:00:05');
    expect(formatLocalDateTime(new Date(Date.UTC(2025, 2, 1, 10, 7, 0, 0)))).toBe('2025-03-01T10:07');
  });

  it('keeps the last N lines', () => {
    const log = new LocalLog(2, { now: () => new Date(Date.UTC(2025, 0, 1, 0, 0, 0, 1)) });
    log.log('a');
    log.log('b');
    log.log('c');
    expect(log.entries()).toEqual(['2025-01-01T00:00:00.001 - b', '2025-01-01T00:00:00.001 - c']);
  });

  it('indents every line, empty ones too, and nests writers', () => {
    const text = collectText((pw) => {
      pw.println('A:');
      pw.increaseIndent();
      const inner = new IndentingWriter(pw.asSink());
      inner.println('B:');
      inner.increaseIndent();
      inner.print('x=');
      inner.println('1: ');
      inner.println();
    });
    expect(text).toBe('A:\n  B:\n    x=1: \n    \n');
  });
});
