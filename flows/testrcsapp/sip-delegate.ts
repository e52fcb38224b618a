/**
 * TestRcsApp → Delegate Test (observability-and-test-apps.md §2.b.3): tick the feature tags named
 * by `tags` (checkbox ids, default [chat]; "chat" starts ticked), initializeSipDelegate, read
 * `delegate_callback_result` (onCreated, onFeatureTagStatusChanged … registeredFT:[…]), then
 * destroySipDelegate (onDestroyed reason:2, SIP_DELEGATE_DESTROY_REASON_REQUESTED_BY_APP). The SIP
 * message forwarding surface of seed 001's table.
 */
import { byId, defineFlow, listArg, until } from '../lib/flow';

export default defineFlow({
  activity: '.MainActivity',
  async run(browser, args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    const tags = listArg(args, 'tags', ['chat']);
    await browser.$(id('delegate')).click();
    for (const box of ['standalone-pager', 'standalone-large', 'standalone-deferred', 'standalone-pager-large', 'chat', 'file_transfer', 'geolocation_sms', 'chatbot_session', 'chatbot_standalone', 'chatbot_version']) {
      const element = browser.$(id(box));
      const checked = (await element.getAttribute('checked')) === 'true';
      if (checked !== tags.includes(box)) await element.click();
    }
    await kit.screen('feature tags');
    await browser.$(id('init_btn')).click();
    if (!(await kit.inForeground())) {
      return { surfaces: { 'sip-message-forwarding': { access: false, supported: false, detail: 'the app left the screen (crashed) on initializeSipDelegate' } } };
    }
    const result = browser.$(id('delegate_callback_result'));
    const created = await until(browser, () => result.getText(), (t) => /registeredFT:\[|ImsException|onDestroyed/.test(t));
    await kit.screen('initializeSipDelegate');
    const registered = /registeredFT:\[([^\]]*)\]/.exec(created)?.[1]?.trim() ?? '';
    const supported = created.includes('onCreated') && registered !== '';
    const notes = [`after init: ${created.replace(/\r?\n/g, ' ').trim()}`];
    if (supported) {
      await browser.$(id('destroy_btn')).click();
      const destroyed = await until(browser, () => result.getText(), (t) => t.startsWith('onDestroyed'));
      notes.push(`after destroy: ${destroyed}`);
    }
    return {
      surfaces: { 'sip-message-forwarding': { access: true, supported, detail: created.replace(/\r?\n/g, ' ').trim() } },
      notes,
    };
  },
});
