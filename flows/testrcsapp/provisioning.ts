/**
 * TestRcsApp → Provisioning Test → isRcsVolteSingleRegCapable (observability-and-test-apps.md
 * §2.b.2): `provisioning_singlereg_result` becomes "true"/"false"; an ImsException leaves
 * "Result:"; a SecurityException crashes the app. The RCS provisioning surface of seed 001's table.
 */
import { byId, defineFlow } from '../lib/flow';

export default defineFlow({
  activity: '.MainActivity',
  async run(browser, _args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    await browser.$(id('provision')).click();
    await kit.screen('provisioning');
    await browser.$(id('provisioning_singlereg_btn')).click();
    if (!(await kit.inForeground())) {
      return { surfaces: { 'rcs-provisioning': { access: false, supported: false, detail: 'the app left the screen (crashed) on isRcsVolteSingleRegCapable' } } };
    }
    const result = await browser.$(id('provisioning_singlereg_result')).getText();
    return { surfaces: { 'rcs-provisioning': { access: true, supported: result === 'true', detail: `provisioning_singlereg_result: ${result}` } } };
  },
});
