/**
 * The TeleService device-default overlay: packages/services/Telephony `res/values/config.xml`
 * (or an RRO targeting com.android.phone) with `config_ims_mmtel_package` and
 * `config_ims_rcs_package`, read by PhoneGlobals into ImsResolver (aosp-imsresolver.md §1.2).
 * Android 9/10's framework `config_ims_package` is not read from Android 11 on and is ignored here.
 */
import { InputError } from '../errors/errors';
import { type DeviceOverlay, OVERLAY_MMTEL_KEY, OVERLAY_RCS_KEY } from '../model/device-overlay';
import { isValidPackageName, type PackageName } from '../model/package-name';
import { parseLocatedXml, xmlLocation, type XmlNode } from './located-xml';
import { escapeXmlText } from './xml-escape';

/**
 * A string resource's value as aapt compiles it, for the values a package name can take:
 * surrounding whitespace dropped, one pair of enclosing double quotes removed.
 */
function resourceString(node: XmlNode): string {
  const trimmed = node.text.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed;
}

/**
 * Parses an overlay `config.xml` into the device defaults. A key left out, or an empty string,
 * means no device default for that feature (TeleService's own default is empty). Other resources
 * in the file are ignored. Throws InputError `file:line: …` for bad XML or a bad package name.
 */
export function parseDeviceOverlay(text: string, file: string): DeviceOverlay {
  const root = parseLocatedXml(text, file);
  if (root.name !== 'resources') {
    throw new InputError(`${xmlLocation(file, root.line)}: root element is <${root.name}>; an overlay config.xml is <resources>`, { file });
  }
  const found: Record<string, PackageName | ''> = {};
  for (const node of root.children) {
    const key = node.attributes.name;
    if (node.name !== 'string' || (key !== OVERLAY_MMTEL_KEY && key !== OVERLAY_RCS_KEY)) continue;
    if (node.children.length > 0) {
      throw new InputError(`${xmlLocation(file, node.line)}: <string name="${key}"> must hold a package name only, found <${node.children[0]?.name ?? '?'}>`, { file, field: key });
    }
    const value = resourceString(node);
    if (value !== '' && !isValidPackageName(value)) {
      throw new InputError(`${xmlLocation(file, node.line)}: ${key} ${JSON.stringify(value)} is not a valid Android package name`, { file, field: key });
    }
    found[key] = value as PackageName | '';
  }
  return { mmtel: found[OVERLAY_MMTEL_KEY] ?? '', rcs: found[OVERLAY_RCS_KEY] ?? '' };
}

/** Writes the overlay as a `res/values/config.xml` resources file (empty defaults as `<string …/>`). */
export function toOverlayXml(overlay: DeviceOverlay): string {
  const line = (key: string, value: string): string =>
    value === '' ? `    <string name="${key}" translatable="false"/>` : `    <string name="${key}" translatable="false">${escapeXmlText(value, key)}</string>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<resources>',
    line(OVERLAY_MMTEL_KEY, overlay.mmtel),
    line(OVERLAY_RCS_KEY, overlay.rcs),
    '</resources>',
    '',
  ].join('\n');
}
