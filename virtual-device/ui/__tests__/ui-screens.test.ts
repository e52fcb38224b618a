/**
 * The reference device's screens as a UiAutomator2 server serves them: AOSP resource ids in the
 * page source, the locator strategies, a screenshot that is a real, decodable PNG (pngjs), and the
 * HTTP framing over a device stream.
 */
import { PNG } from 'pngjs';
import { type AppContext } from '../activity';
import { imsTestServiceApp } from '../apps/ims-test-service';
import { testRcsApp } from '../apps/test-rcs-app';
import { layoutWindow, SCREEN_HEIGHT, SCREEN_WIDTH, WINDOW_BOTTOM } from '../layout';
import { pageSource } from '../page-source';
import { renderScreenshot } from '../screenshot';
import { findViews } from '../uia2/finder';
import { formatReply, parseRequest } from '../uia2/http-stream';
import { flatten } from '../view';

function context(pkg: string): AppContext {
  return { packageName: pkg, startActivity: () => undefined, finish: () => undefined, toast: () => undefined, telephony: () => undefined, log: { write: () => undefined }, post: (t) => t() };
}

const ITS = 'com.android.phone.testapps.imstestapp';
const RCS = 'com.google.android.sample.rcsclient';

describe('screens', () => {
  const registration = imsTestServiceApp().create(`${ITS}.ImsRegistrationActivity`, context(ITS));
  if (registration === undefined) throw new Error('no registration screen');
  const root = layoutWindow(ITS, registration);
  const scope = { packageName: ITS, root, size: { width: SCREEN_WIDTH, height: WINDOW_BOTTOM } };

  it('draws IMS Registration with AOSP ids, the duplicated reason fields scoped by their include', () => {
    const xml = pageSource(ITS, root, scope.size).xml;
    expect(xml).toContain(`resource-id="${ITS}:id/reg_registered_button"`);
    expect(xml).toContain('text="Send Deregistered Using Reason Above"');
    expect(findViews(scope, 'id', 'imsreasoninfo_error')).toHaveLength(2);
    const scoped = findViews(scope, 'xpath', `//*[@resource-id="${ITS}:id/deregistered_imsreasoninfo"]//*[@resource-id="${ITS}:id/imsreasoninfo_error"]`);
    expect(scoped).toHaveLength(1);
  });

  it('finds by id, UiSelector and xpath alike; bounds do not overlap vertically', () => {
    const byId = findViews(scope, 'id', `${ITS}:id/reg_registering_button`);
    const bySelector = findViews(scope, '-android uiautomator', `new UiSelector().resourceId("${ITS}:id/reg_registering_button")`);
    const byText = findViews(scope, 'xpath', '//android.widget.Button[@text="Send Registering"]');
    expect(byId).toHaveLength(1);
    expect(bySelector).toEqual(byId);
    expect(byText).toEqual(byId);
    const buttons = flatten(root).filter((n) => n.className === 'android.widget.Button');
    for (let i = 1; i < buttons.length; i++) expect(buttons[i]!.bounds.top).toBeGreaterThanOrEqual(buttons[i - 1]!.bounds.bottom);
  });

  it('keeps the hyphen of DelegateActivity\'s ids (the resource entry name), and ticks chat at start', () => {
    const delegate = testRcsApp().create(`${RCS}.DelegateActivity`, context(RCS));
    if (delegate === undefined) throw new Error('no delegate screen');
    const window = layoutWindow(RCS, delegate);
    const pager = findViews({ packageName: RCS, root: window, size: scope.size }, 'id', 'standalone-pager');
    expect(pager[0]?.resourceId).toBe(`${RCS}:id/standalone-pager`);
    expect(findViews({ packageName: RCS, root: window, size: scope.size }, 'id', 'chat')[0]?.checked).toBe(true);
  });

  it('screenshots are real PNGs a decoder reads, a third of the screen, a few kB', () => {
    const png = renderScreenshot(root, 'getReasonInfo: ImsReasonInfo :: {0 : CODE_UNSPECIFIED, 0, }');
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([SCREEN_WIDTH / 3, SCREEN_HEIGHT / 3]);
    expect(png.length).toBeLessThan(20_000);
    // Not blank: the action bar's blue and text pixels are there.
    const colours = new Set<number>();
    for (let i = 0; i < image.data.length; i += 4) colours.add(image.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(3);
  });
});

describe('HTTP over a device stream', () => {
  it('parses keep-alive requests with Content-Length and chunked bodies, in order', () => {
    const two = Buffer.from('POST /session HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET /status HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    const first = parseRequest(two);
    expect(first?.request).toMatchObject({ method: 'POST', path: '/session', close: false });
    expect(first?.request.body.toString()).toBe('{}');
    const second = first && parseRequest(first.rest);
    expect(second?.request.body.toString()).toBe('abc');
    expect(parseRequest(Buffer.from('GET /status HTTP/1.1\r\nContent-Length: 5\r\n\r\nab'))).toBeUndefined();
  });

  it('answers JSON with its length', () => {
    const text = formatReply({ status: 404, body: { value: { error: 'no such element' } } }, false).toString();
    expect(text).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(text).toContain(`Content-Length: ${JSON.stringify({ value: { error: 'no such element' } }).length}\r\n`);
  });
});
