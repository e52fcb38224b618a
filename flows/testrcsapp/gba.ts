/**
 * TestRcsApp → GBA Test: bootstrapAuthenticationRequest, then the result text (onKeysAvailable or
 * onAuthenticationFailure). The GBA authentication surface of seed 001's table. The reference note
 * does not describe GbaActivity; its ids (gba_bootstrap_btn, gba_result) are the reference
 * device's, UNVERIFIED against AOSP's layout — adjust here for a real build.
 */
import { byId, defineFlow, until } from '../lib/flow';

export default defineFlow({
  activity: '.MainActivity',
  async run(browser, _args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    await browser.$(id('gba')).click();
    await browser.$(id('gba_bootstrap_btn')).click();
    if (!(await kit.inForeground())) {
      return { surfaces: { 'gba-authentication': { access: false, supported: false, detail: 'the app left the screen (crashed) on bootstrapAuthenticationRequest' } } };
    }
    const result = await until(browser, () => browser.$(id('gba_result')).getText(), (t) => t.startsWith('on'));
    return { surfaces: { 'gba-authentication': { access: true, supported: result === 'onKeysAvailable', detail: result } } };
  },
});
