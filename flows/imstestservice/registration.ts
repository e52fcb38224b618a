/**
 * ImsTestService → Registration (observability-and-test-apps.md §2.a.2): pick the registration
 * technology (`tech`: LTE, IWLAN), then press "Send Registered", "Send Registering" or "Send
 * Deregistered Using Reason Above" (`send`: registered, registering, deregistered). The screen's
 * own callback list (reg_cb_list) is kept as a note; what the framework holds is checked by the
 * engine against TelephonyDebugService. If the screen crashes on opening (no
 * READ_PRIVILEGED/READ_PRECISE_PHONE_STATE, §2.a.2), nothing was sent: the framework must still
 * say NOT_REGISTERED.
 */
import { byId, defineFlow, stringArg, until } from '../lib/flow';

const BUTTONS: Readonly<Record<string, string>> = {
  registered: 'reg_registered_button', registering: 'reg_registering_button', deregistered: 'reg_deregistered_button',
};
const STATES = { registered: 'REGISTERED', registering: 'REGISTERING', deregistered: 'NOT_REGISTERED' } as const;

export default defineFlow({
  activity: '.ImsTestServiceApp',
  async run(browser, args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    const send = stringArg(args, 'send', 'registered') as keyof typeof STATES;
    const tech = stringArg(args, 'tech', 'LTE');
    const button = BUTTONS[send];
    if (button === undefined) throw new Error(`send: ${send} is not one of ${Object.keys(BUTTONS).join(', ')}`);
    await browser.$(id('control_launch_reg')).click();
    if (!(await kit.inForeground())) {
      return { framework: { slot: 0, registration: { state: 'NOT_REGISTERED' } }, notes: ['IMS Registration crashed on opening: nothing was sent to the framework'] };
    }
    if (tech !== 'LTE') {
      await browser.$(id('reg_tech_selector')).click();
      await browser.$(`android=new UiSelector().text("${tech}")`).click();
    }
    await browser.$(id(button)).click();
    const rows = async (): Promise<string[]> => {
      const texts: string[] = [];
      for (const row of await browser.$$(id('configItem')).getElements()) texts.push(await row.getText());
      return texts;
    };
    // The registration callback reports the current state first, then the change.
    const events = await until(browser, rows, (list) => list.length >= 2);
    const transport = tech === 'IWLAN' ? 'WLAN' : 'WWAN';
    return {
      framework: { slot: 0, registration: { state: STATES[send], ...(send === 'deregistered' ? {} : { transport }) } },
      notes: [`reg_cb_list: ${events.join(' | ')}`],
    };
  },
});
