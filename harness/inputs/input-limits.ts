/**
 * How much ims-rig reads of each kind of input, and how deep it lets a document nest. Each cap is
 * far above what real inputs need (the largest AOSP carrier config in shared/real-inputs is about
 * 10 KB, a scenario a few KB, a manifest nests six elements deep, a scenario's YAML eight levels)
 * and low enough that a hostile or mistaken input is refused in milliseconds instead of exhausting
 * memory or the call stack (issue 11, item 3).
 */
import { type ReadLimits } from './read-input-file';

const KiB = 1024;
const MiB = 1024 * KiB;

export const LIMITS = {
  scenario: { kind: 'scenario file', maxBytes: 1 * MiB },
  waivers: { kind: 'waiver file', maxBytes: 4 * MiB },
  carrierConfig: { kind: 'carrier-config XML', maxBytes: 8 * MiB },
  overlay: { kind: 'device overlay XML', maxBytes: 1 * MiB },
  /** A text or binary AndroidManifest.xml. */
  manifest: { kind: 'manifest', maxBytes: 8 * MiB },
  /** An APK is read whole to find its manifest; real IMS apps are a few MB. */
  apk: { kind: 'APK', maxBytes: 512 * MiB },
  events: { kind: 'events.jsonl', maxBytes: 512 * MiB },
} as const satisfies Record<string, Omit<ReadLimits, 'display'>>;

/** Elements nested deeper than this in any XML ims-rig reads (text or binary) are refused. */
export const MAX_XML_DEPTH = 64;

/** Collections nested deeper than this in a scenario or waiver YAML are refused. */
export const MAX_YAML_DEPTH = 32;

/** Alias references (`*name`) one YAML document may resolve (the yaml library's own guard, reworded). */
export const MAX_YAML_ALIASES = 100;

/** One events.jsonl line longer than this is not an event ims-rig wrote. */
export const MAX_EVENT_LINE_CHARS = 16 * MiB;
