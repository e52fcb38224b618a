/**
 * `dumpsys phone` (PhoneInterfaceManager.dump -> PhoneGlobals.dump, SVCM PhoneGlobals.java
 * L1446-1480): a PhoneGlobals section that nests ImsResolver.dump() inside its own indentation, so
 * "ImsResolver:" appears twice. The caller needs android.permission.DUMP (shell and root have it).
 */
import { IndentingWriter } from '../java/indenting-writer';
import { type PhoneShellServices } from './phone-shell-services';

export function writeDumpsysPhone(write: (text: string) => void, services: PhoneShellServices): void {
  const pw = new IndentingWriter(write, '  ');
  pw.println('------- PhoneGlobals -------');
  pw.increaseIndent();
  pw.println('mPrevRoamingNotification=0');
  pw.println(`mDefaultDataSubId=${services.subscriptions.defaultDataSubId()}`);
  pw.println('mDataRoamingNotifLog:');
  pw.println('isSmsCapable=true');
  pw.increaseIndent();
  pw.decreaseIndent();
  pw.println('ImsResolver:');
  pw.increaseIndent();
  services.resolver?.dump(pw);
  pw.decreaseIndent();
  pw.println('RcsService:');
  pw.println('ImsStateCallbackController:');
  pw.decreaseIndent();
  pw.println('------- End PhoneGlobals -------');
}
