/**
 * `cmd phone` help texts, verbatim from TelephonyShellCommand (SVC15, android-15.0.0_r17: the
 * set-ims-service syntax without `-u`). The reference device prints the top-level list and the
 * IMS and Carrier Config sections (the other sections belong to commands it does not model).
 */
import { type Printer } from './shell-output';

export function printHelp(pw: Printer): void {
  for (const line of [
    'Telephony Commands:',
    '  help',
    '    Print this help text.',
    '  ims',
    '    IMS Commands.',
    '  uce',
    '    RCS User Capability Exchange Commands.',
    '  emergency-number-test-mode',
    '    Emergency Number Test Mode Commands.',
    '  end-block-suppression',
    '    End Block Suppression command.',
    '  data',
    '    Data Test Mode Commands.',
    '  cc',
    '    Carrier Config Commands.',
    '  gba',
    '    GBA Commands.',
    '  src',
    '    RCS VoLTE Single Registration Config Commands.',
    '  restart-modem',
    '    Restart modem command.',
    '  unattended-reboot',
    '    Prepare for unattended reboot.',
    '  has-carrier-privileges [package]',
    '    Query carrier privilege status for a package. Prints true or false.',
    '  get-allowed-network-types-for-users',
    '    Get the Allowed Network Types.',
    '  set-allowed-network-types-for-users',
    '    Set the Allowed Network Types.',
    '  radio',
    '    Radio Commands.',
  ]) {
    pw.println(line);
  }
  printHelpIms(pw);
  printHelpCc(pw);
}

export function printHelpIms(pw: Printer): void {
  for (const line of [
    'IMS Commands:',
    '  ims set-ims-service [-s SLOT_ID] (-c | -d | -f) PACKAGE_NAME',
    '    Sets the ImsService defined in PACKAGE_NAME to to be the bound',
    '    ImsService. Options are:',
    '      -s: the slot ID that the ImsService should be bound for. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '      -c: Override the ImsService defined in the carrier configuration.',
    '      -d: Override the ImsService defined in the device overlay.',
    '      -f: Set the feature that this override if for, if no option is',
    '          specified, the new package name will be used for all features.',
    '  ims get-ims-service [-s SLOT_ID] [-c | -d]',
    '    Gets the package name of the currently defined ImsService.',
    '    Options are:',
    '      -s: The SIM slot ID for the registered ImsService. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '      -c: The ImsService defined as the carrier configured ImsService.',
    '      -d: The ImsService defined as the device default ImsService.',
    '      -f: The feature type that the query will be requested for. If none is',
    '          specified, the returned package name will correspond to MMTEL.',
    '  ims clear-ims-service-override [-s SLOT_ID]',
    '    Clear all carrier ImsService overrides. This does not work for device ',
    '    configuration overrides. Options are:',
    '      -s: The SIM slot ID for the registered ImsService. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '  ims enable [-s SLOT_ID]',
    '    enables IMS for the SIM slot specified, or for the default voice SIM slot',
    '    if none is specified.',
    '  ims disable [-s SLOT_ID]',
    '    disables IMS for the SIM slot specified, or for the default voice SIM',
    '    slot if none is specified.',
    '  ims conference-event-package [enable/disable]',
    '    enables or disables handling or network conference event package data.',
  ]) {
    pw.println(line);
  }
}

export function printHelpCc(pw: Printer): void {
  for (const line of [
    'Carrier Config Commands:',
    '  cc get-value [-s SLOT_ID] [KEY]',
    '    Print carrier config values.',
    '    Options are:',
    '      -s: The SIM slot ID to read carrier config value for. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '    KEY: The key to the carrier config value to print. All values are printed',
    '         if KEY is not specified.',
    '  cc set-value [-s SLOT_ID] [-p] KEY [NEW_VALUE]',
    '    Set carrier config KEY to NEW_VALUE.',
    '    Options are:',
    '      -s: The SIM slot ID to set carrier config value for. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '      -p: Value will be stored persistent',
    '    NEW_VALUE specifies the new value for carrier config KEY. Null will be',
    '      used if NEW_VALUE is not set. Strings should be encapsulated with',
    '      quotation marks. Spaces needs to be escaped. Example: "Hello\\ World"',
    '      Separate items in arrays with space . Example: "item1" "item2"',
    '  cc set-values-from-xml [-s SLOT_ID] [-p] < XML_FILE_PATH',
    '    Set carrier config based on the contents of the XML_FILE. File must be',
    '    provided through standard input and follow CarrierConfig XML format.',
    '    Example: packages/apps/CarrierConfig/assets/*.xml',
    '    Options are:',
    '      -s: The SIM slot ID to set carrier config value for. If no option',
    '          is specified, it will choose the default voice SIM slot.',
    '      -p: Value will be stored persistent',
    '  cc clear-values [-s SLOT_ID]',
    '    Clear all carrier override values that has previously been set',
    '    with set-value or set-values-from-xml',
    '    Options are:',
    '      -s: The SIM slot ID to clear carrier config values for. If no option',
    '          is specified, it will choose the default voice SIM slot.',
  ]) {
    pw.println(line);
  }
}
