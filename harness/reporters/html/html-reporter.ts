/**
 * index.html: one self-contained page (inline CSS, no network, opens from file://) rendered with
 * Handlebars from the view model. Handlebars escapes every {{value}}; the template never uses a
 * triple-stash, so a device string such as `<script>` shows as text.
 */
import Handlebars from 'handlebars';
import { type RunResult } from '../../results';
import { PAGE_TEMPLATE } from './html-template';
import { buildPageView, type PageView } from './html-view-model';

let compiled: Handlebars.TemplateDelegate<PageView> | undefined;

function template(): Handlebars.TemplateDelegate<PageView> {
  // An isolated environment: no helpers or partials registered elsewhere can change the page.
  compiled ??= Handlebars.create().compile<PageView>(PAGE_TEMPLATE, { strict: false, preventIndent: true });
  return compiled;
}

export function renderHtml(run: RunResult): string {
  return template()(buildPageView(run));
}
