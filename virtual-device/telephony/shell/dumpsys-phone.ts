/**
 * `dumpsys phone` (PhoneInterfaceManager.dump -> PhoneGlobals.dump, SVCM PhoneGlobals.java
 * L1446-1505): a PhoneGlobals section that nests ImsResolver.dump() inside its own indentation, so
 * "ImsResolver:" appears twice; then `RcsService:` (TelephonyRcsService wraps PhoneGlobals' writer,
 * so its lines sit at PhoneGlobals' level), `ImsStateCallbackController:` (its dump indents itself)
 * and `DomainSelectionResolver:` (A14+; no domain selection service here, so nothing under it).
 * The caller needs android.permission.DUMP (shell and root have it).
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
  if (services.rcsService) services.rcsService.dump(new IndentingWriter(pw.asSink(), '  '));
  pw.println('ImsStateCallbackController:');
  services.stateCallbacks?.dump(pw);
  pw.println('DomainSelectionResolver:');
  pw.increaseIndent();
  pw.decreaseIndent();
  pw.decreaseIndent();
  pw.println('mPrevRoamingOperatorNumerics:[]');
  pw.println('------- End PhoneGlobals -------');
}
