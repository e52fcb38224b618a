/**
 * ImsResolver.dump() (OPT ImsResolver.java A15:L1829-1883; reference §4): the text the rig parses,
 * byte for byte — "Carrier: " and "feature=…: " keep their trailing spaces, device entries print
 * in ArrayMap (feature) order, cached services and controllers in HashMap order.
 */
import { IndentingWriter } from '../java/indenting-writer';
import { FEATURE_LOG_MAP, FEATURE_TYPES } from './feature-slot-pair';
import { type ImsResolver } from './ims-resolver';

export function writeResolverDump(resolver: ImsResolver, outer: IndentingWriter): void {
  const pw = new IndentingWriter(outer.asSink(), '  ');
  pw.println('ImsResolver:');
  pw.increaseIndent();
  pw.println('Configurations:');
  pw.increaseIndent();
  pw.println('Device:');
  pw.increaseIndent();
  for (const [feature, pkg] of resolver.config.deviceEntries()) pw.println(`${FEATURE_LOG_MAP[feature]} -> ${pkg}`);
  pw.decreaseIndent();
  pw.println('Carrier: ');
  pw.increaseIndent();
  for (let i = 0; i < resolver.slotCount; i++) {
    for (const j of FEATURE_TYPES) {
      pw.print('slot=');
      pw.print(i);
      pw.print(', feature=');
      pw.print(FEATURE_LOG_MAP[j]);
      pw.println(': ');
      pw.increaseIndent();
      const name = resolver.config.carrier(i, j);
      pw.println(name === '' ? 'none' : name);
      pw.decreaseIndent();
    }
  }
  pw.decreaseIndent();
  pw.decreaseIndent();
  pw.println('Cached ImsServices:');
  pw.increaseIndent();
  for (const info of resolver.cachedServices()) pw.println(info.toString());
  pw.decreaseIndent();
  pw.println('Active controllers:');
  pw.increaseIndent();
  for (const c of resolver.controllers()) {
    pw.println(c.toString());
    pw.increaseIndent();
    for (const line of c.dumpLines()) pw.println(line);
    pw.decreaseIndent();
  }
  pw.decreaseIndent();
  pw.println('Connection Repository Log:');
  pw.increaseIndent();
  for (const line of resolver.repo.dumpLines()) pw.println(line);
  pw.decreaseIndent();
  pw.println('Event Log:');
  pw.increaseIndent();
  for (const line of resolver.eventLog.entries()) pw.println(line);
  pw.decreaseIndent();
}
