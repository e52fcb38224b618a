/**
 * ImsTestService → Calling (observability-and-test-apps.md §2.a.3): tick the MmTel capabilities
 * named in `caps` (voice, video, ut, sms) and press "Change Capability Status": the ImsService
 * sends them with notifyCapabilitiesStatusChanged, which the framework keeps as
 * ImsPhoneCallTracker's mMmTelCapabilities (checked by the engine against TelephonyDebugService).
 * "Connection to Framework Unavailable" (a toast) means the MmTelFeature is not READY: nothing sent.
 */
import { byId, defineFlow, listArg } from '../lib/flow';

const BOXES = { voice: 'call_cap_voice', video: 'call_cap_video', ut: 'call_cap_ut', sms: 'call_cap_sms' } as const;

export default defineFlow({
  activity: '.ImsTestServiceApp',
  async run(browser, args, kit) {
    const id = (name: string): string => byId(kit.package, name);
    const caps = listArg(args, 'caps', ['voice']);
    await browser.$(id('control_launch_calling')).click();
    if (!(await kit.inForeground())) {
      return { framework: { slot: 0, capabilities: { voice: false, video: false, ut: false, sms: false } }, notes: ['IMS Calling crashed on opening: nothing was sent to the framework'] };
    }
    for (const [name, box] of Object.entries(BOXES)) {
      const element = browser.$(id(box));
      if (((await element.getAttribute('checked')) === 'true') !== caps.includes(name)) await element.click();
    }
    await kit.screen('capabilities ticked');
    await browser.$(id('call_cap_change')).click();
    await browser.pause(300);
    const enabled = await browser.$(id('call_cap_enabled_text')).getText();
    return {
      framework: { slot: 0, capabilities: { voice: caps.includes('voice'), video: caps.includes('video'), ut: caps.includes('ut'), sms: caps.includes('sms') } },
      notes: [`call_cap_enabled_text: ${enabled.replace(/\n/g, ' ')}`],
    };
  },
});
