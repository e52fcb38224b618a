/**
 * Where the sentences of ./documentation.ts come from: the two seed pages (../shared/seeds:
 * "Implement IMS" 000_eb7e775fb8af02bc, "IMS single registration" 001_e078825908b0df69) and the two
 * non-documentation statements the rig also rests on (the `cmd phone ims` help text, CTS's
 * ImsServiceConnector). Each source lists its sections in the order the page has them, so a report
 * walks the documentation as a reader does; a sentence belongs to the source that lists its section.
 */
import { DOC, type DocId, type DocSentence } from './documentation';

export interface DocSource {
  readonly id: string;
  readonly title: string;
  /** Seed file, page or reference section the text is quoted from. */
  readonly origin: string;
  /** The seed documentation (false: a statement the rig rests on that is not documentation). */
  readonly seed: boolean;
  readonly sections: readonly string[];
}

export const DOC_SOURCES: readonly DocSource[] = [
  {
    id: 'implement-ims',
    title: 'Implement IMS',
    origin: 'source.android.com/docs/core/connect/ims (seed 000_eb7e775fb8af02bc)',
    seed: true,
    sections: [
      'ImsService overview',
      'Compatibility with older IMS implementations',
      'ImsService registration with the framework',
      'Service definition',
      'IMS feature specification',
      'Registration of supported features',
      'Framework detection and verification of an ImsService implementation',
      'Binding priority for multiple ImsService',
      'Use ImsStateCallback',
    ],
  },
  {
    id: 'ims-single-registration',
    title: 'IMS single registration',
    origin: 'source.android.com/docs/core/connect/ims-single-registration (seed 001_e078825908b0df69)',
    seed: true,
    sections: ['IMS single registration APIs', 'Security and permissions', 'Examples and source'],
  },
  {
    id: 'cmd-phone-ims-help',
    title: '`cmd phone ims` help text',
    origin: 'TelephonyShellCommand#onHelpIms (reference/aosp-imsresolver.md §3.1)',
    seed: false,
    sections: ['cmd phone ims help (TelephonyShellCommand onHelpIms)'],
  },
  {
    id: 'cts',
    title: 'CTS ImsServiceConnector',
    origin: 'CtsTelephonyTestCases ImsServiceConnector (reference/cts-and-reports.md §1.4)',
    seed: false,
    sections: ['CTS ImsServiceConnector.isCarrierServiceStillConfigured'],
  },
];

/** The source whose section list holds `sentence.section` (a test checks there is exactly one). */
export function sourceOf(sentence: DocSentence): DocSource | undefined {
  return DOC_SOURCES.find((s) => s.sections.includes(sentence.section));
}

/** Every sentence id in reading order: source by source, section by section, then as documentation.ts lists them. */
export function sentencesInReadingOrder(): DocId[] {
  const ids = Object.keys(DOC) as DocId[];
  const rank = (id: DocId): number => {
    const sentence = DOC[id];
    const source = sourceOf(sentence);
    const s = source === undefined ? DOC_SOURCES.length : DOC_SOURCES.indexOf(source);
    const section = source === undefined ? 0 : source.sections.indexOf(sentence.section);
    return s * 1000 + section;
  };
  return ids.map((id, i) => ({ id, i })).sort((a, b) => rank(a.id) - rank(b.id) || a.i - b.i).map((x) => x.id);
}
