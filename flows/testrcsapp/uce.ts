/**
 * TestRcsApp → UCE Test (observability-and-test-apps.md §2.b.4): enter `numbers` (default
 * +16505551212) in `number_list`, requestCapability, read `capability_result` until onComplete,
 * onError or an ImsException. The RCS user capability exchange surface of seed 001's table.
 */
import { byId, defineFlow, stringArg, until } from '../lib/flow';

export default defineFlow({
  activity: '.MainActivity',
  async run(browser, args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    await browser.$(id('uce')).click();
    await browser.$(id('number_list')).setValue(stringArg(args, 'numbers', '+16505551212'));
    await kit.screen('number');
    await browser.$(id('capability_btn')).click();
    if (!(await kit.inForeground())) {
      return { surfaces: { 'rcs-uce': { access: false, supported: false, detail: 'the app left the screen (crashed) on requestCapability' } } };
    }
    const result = await until(browser, () => browser.$(id('capability_result')).getText(), (t) => /onComplete|onError|ImsException/.test(t));
    const text = result.replace(/\n/g, ' ').trim();
    return { surfaces: { 'rcs-uce': { access: true, supported: result.includes('onComplete') && !result.includes('onError'), detail: text } } };
  },
});
