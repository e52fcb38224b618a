/**
 * index.html: one self-contained page (inline CSS, no network, opens from file://) rendered with
 * Handlebars from the view model. Handlebars escapes every {{value}}; the template never uses a
 * triple-stash, so a device string such as `<script>` shows as text.
 */
import Handlebars from 'handlebars';
import { type DocumentationEntry, type RunResult } from '../../results';
import { documentationOf } from '../documentation/documentation-coverage';
import { EVIDENCE_KINDS } from './evidence-sections';
import { PAGE_TEMPLATE, PICTURE_PARTIAL } from './html-template';
import { buildPageView, type PageView } from './html-view-model';

let compiled: Handlebars.TemplateDelegate<PageView> | undefined;

function template(): Handlebars.TemplateDelegate<PageView> {
  // An isolated environment: no helpers or partials registered elsewhere can change the page; the
  // partials are the pictures' and the evidence kinds' (./evidence-sections.ts), all escaping.
  if (compiled === undefined) {
    const env = Handlebars.create();
    env.registerPartial('picture', PICTURE_PARTIAL);
    for (const kind of EVIDENCE_KINDS) env.registerPartial(kind.name, kind.template);
    // knownHelpersOnly: the template uses only the built-in helpers, so Handlebars compiles plain lookups.
    compiled = env.compile<PageView>(PAGE_TEMPLATE, { strict: false, preventIndent: true, knownHelpersOnly: true });
  }
  return compiled;
}

export function renderHtml(run: RunResult, documentation: readonly DocumentationEntry[] = documentationOf(run)): string {
  return template()(buildPageView(run, documentation));
}
