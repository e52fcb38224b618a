/**
 * The `ims-rig-device` contract: `OK …` lines or data on stdout, `ims-rig-device: <error>` on
 * stderr with exit 1 (bad use) or 2 (unknown package/slot), every argument validated.
 */
import { type ReferenceDevice } from '../../android/reference-device';
import { bootDevice, install, insertSim, OEM_ALL, setUp, settle, sh } from '../../telephony/__tests__/reference-phone';

jest.setTimeout(30000);

let device: ReferenceDevice;
beforeEach(async () => {
  device = await bootDevice({ slots: 2 });
});
afterEach(() => device.dispose());

describe('sim', () => {
  it('assigns subIds 1, 2, 3… to new SIMs; a reinserted SIM (--iccid) keeps its subId', async () => {
    expect((await insertSim(device, 0, {})).stdout).toMatch(/^OK slot=0 subId=1 iccid=8901260000000000001 keys=0\n$/);
    expect((await insertSim(device, 1, {}, '89014103211118510720')).stdout).toBe('OK slot=1 subId=2 iccid=89014103211118510720 keys=0\n');
    expect((await sh(device, 'ims-rig-device sim remove 1')).stdout).toBe('OK slot=1 removed iccid=89014103211118510720\n');
    expect((await insertSim(device, 1, {})).stdout).toMatch(/subId=3 /);
    await sh(device, 'ims-rig-device sim remove 1');
    expect((await insertSim(device, 1, {}, '89014103211118510720')).stdout).toMatch(/^OK slot=1 subId=2 /);
    await settle(device);
    const list = (await sh(device, 'ims-rig-device sim list')).stdout.split('\n');
    expect(list[0]).toMatch(/^slot=0 state=READY subId=1 iccid=8901260000000000001 carrier=\/data\/local\/tmp\/carrier-0-\d+\.xml$/);
    expect(list[1]).toMatch(/^slot=1 state=READY subId=2 iccid=89014103211118510720 carrier=/);
  });

  it('loads both carrier-config shapes, warns about a malformed file like CarrierConfig would, and refuses bad use', async () => {
    device.platform.fs.writeFile('/data/local/tmp/legacy.xml', Buffer.from('<carrier_config_list><carrier_config><string name="carrier_name_string">L</string></carrier_config></carrier_config_list>'), 0o644, 0);
    expect((await sh(device, 'ims-rig-device sim insert 0 /data/local/tmp/legacy.xml')).stdout).toMatch(/keys=1\n$/);
    device.platform.fs.writeFile('/data/local/tmp/bad.xml', Buffer.from('<carrier_config><string name="a">x</carrier_config>'), 0o644, 0);
    const bad = await sh(device, 'ims-rig-device sim insert 1 /data/local/tmp/bad.xml');
    expect(bad.code).toBe(0);
    expect(bad.stderr).toMatch(/^ims-rig-device: warning: \/data\/local\/tmp\/bad\.xml: org\.xmlpull\.v1\.XmlPullParserException: /);
    expect(await sh(device, 'ims-rig-device sim insert 0 /data/local/tmp/legacy.xml')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^ims-rig-device: slot 0 already holds SIM \d+; remove it first\n$/) });
    expect(await sh(device, 'ims-rig-device sim insert 2 /data/local/tmp/legacy.xml')).toEqual({ stdout: '', stderr: 'ims-rig-device: unknown slot 2: the device has 2 slots\n', code: 2 });
    expect((await sh(device, 'ims-rig-device sim remove 1; ims-rig-device sim insert 1 /nope.xml')).stderr).toBe('ims-rig-device: /nope.xml: No such file or directory\n');
    expect((await sh(device, 'ims-rig-device sim insert 1 /data/local/tmp/legacy.xml --iccid xyz')).code).toBe(1);
    expect((await sh(device, 'ims-rig-device sim insert 1 relative.xml')).code).toBe(1);
    expect((await sh(device, 'ims-rig-device sim remove 1')).stderr).toBe('ims-rig-device: slot 1 has no SIM\n');
    expect((await sh(device, 'ims-rig-device sim frob')).code).toBe(1);
  });
});

describe('app', () => {
  beforeEach(async () => {
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: 'com.oem.ims' }, apps: { 'com.oem.ims': { answers: '0=MMTEL,RCS;1=MMTEL' } } });
  });

  it('show prints the manifest answers, current features, behaviour and process/binding state', async () => {
    expect((await sh(device, 'ims-rig-device app show com.oem.ims')).stdout).toBe(
      'service=com.oem.ims.ImsService action=ims permission=android.permission.BIND_IMS_SERVICE enabled=true answers=0=MMTEL,RCS;1=MMTEL\n' +
        'features=0=MMTEL,RCS;1=MMTEL\nbehaviour=normal\nrunning=true\nbound=true\nlistener=true\nims-enabled=-\n',
    );
    expect((await sh(device, 'ims-rig-device app behaviour com.oem.ims query-error')).stdout).toBe('OK com.oem.ims behaviour=query-error\n');
  });

  it('validates the package, the slots and the features', async () => {
    expect(await sh(device, 'ims-rig-device app show com.nope')).toEqual({ stdout: '', stderr: 'ims-rig-device: unknown package com.nope: not installed or it has no ImsService\n', code: 2 });
    expect((await sh(device, "ims-rig-device app show 'com.x;rm'")).code).toBe(1);
    expect((await sh(device, 'ims-rig-device app features com.oem.ims 3=MMTEL')).code).toBe(2);
    expect((await sh(device, 'ims-rig-device app features com.oem.ims 0=VOICE')).stderr).toBe('ims-rig-device: unknown feature "VOICE" (expected EMERGENCY_MMTEL, MMTEL or RCS)\n');
    expect((await sh(device, 'ims-rig-device app features com.oem.ims 0=MMTEL 0=RCS')).code).toBe(1);
    expect((await sh(device, 'ims-rig-device app behaviour com.oem.ims flaky')).code).toBe(1);
    expect((await sh(device, 'ims-rig-device app crash com.oem.ims extra')).code).toBe(1);
  });
});

describe('the rest', () => {
  it('overlay prints the current one without options and validates package names', async () => {
    expect((await sh(device, 'ims-rig-device overlay')).stdout).toBe('mmtel=\nrcs=\n');
    expect((await sh(device, "ims-rig-device overlay --mmtel com.oem.ims --rcs ''")).stdout).toBe('OK overlay mmtel=com.oem.ims rcs= (com.android.phone restarted)\n');
    expect((await sh(device, 'ims-rig-device overlay')).stdout).toBe('mmtel=com.oem.ims\nrcs=\n');
    expect((await sh(device, "ims-rig-device overlay --mmtel '../x'")).code).toBe(1);
    expect((await sh(device, 'ims-rig-device overlay --voice x')).stderr).toBe('ims-rig-device: unknown option --voice\n');
  });

  it('slots validates its argument; phone restart, help, deviation and unknown commands', async () => {
    expect((await sh(device, 'ims-rig-device slots 3')).code).toBe(1);
    expect((await sh(device, 'ims-rig-device slots 2')).stdout).toBe('OK slots=2 (unchanged)\n');
    expect((await sh(device, 'ims-rig-device phone restart')).stdout).toBe('OK com.android.phone restarted\n');
    expect((await sh(device, 'ims-rig-device help')).stdout).toContain('  wait-idle [--timeout-ms N] [--quiet-ms N] [--fast-forward-ms N]\n');
    expect((await sh(device, 'ims-rig-device deviation')).stdout).toBe('none\n');
    expect(await sh(device, 'ims-rig-device frob')).toEqual({ stdout: '', stderr: 'ims-rig-device: unknown command "frob" (ims-rig-device help lists them)\n', code: 1 });
  });

  it('wait-idle prints idle, or busy:<what> after its timeout (a crash loop never settles)', async () => {
    expect(await sh(device, 'ims-rig-device wait-idle')).toEqual({ stdout: 'idle\n', stderr: '', code: 0 });
    await setUp(device, { overlay: { mmtel: 'com.oem.ims', rcs: '' } });
    await install(device, 'com.oem.ims', { ...OEM_ALL, behaviour: 'crash-on-bind' });
    const busy = await sh(device, 'ims-rig-device wait-idle --timeout-ms 30');
    expect(busy.code).toBe(1);
    expect(busy.stdout).toMatch(/^busy:.+\(\w+, in \d+ ms\)\n$/);
    expect((await sh(device, 'ims-rig-device wait-idle --timeout-ms x')).code).toBe(1);
  });
});

describe('wait-idle skips over the device\'s own timers', () => {
  // A device whose clock runs at real speed: a 2 s rebind cannot fire within a 300 ms real wait.
  let slow: ReferenceDevice;
  beforeEach(async () => {
    slow = await bootDevice({ timeScale: 1 });
  });
  afterEach(() => slow.dispose());

  it('fires what is due in the device\'s time instead of waiting for it, and reports the time as passed', async () => {
    await setUp(slow, { overlay: { mmtel: 'com.oem.ims', rcs: '' } });
    await install(slow, 'com.oem.ims', { ...OEM_ALL, behaviour: 'crash-on-bind' });
    const before = slow.clock.elapsedMs();
    // Real time alone (no skipping) leaves the crash loop where it was: busy after 300 ms.
    expect(await sh(slow, 'ims-rig-device wait-idle --timeout-ms 300 --fast-forward-ms 0')).toMatchObject({ code: 1 });
    expect(slow.clock.elapsedMs() - before).toBeLessThan(60_000);
    // Skipping: 70 s of rebinds pass in the device's time within the same real timeout, then it is reported busy.
    const skipped = await sh(slow, 'ims-rig-device wait-idle --timeout-ms 300 --fast-forward-ms 70000');
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toMatch(/^busy:/);
    expect(slow.clock.elapsedMs() - before).toBeGreaterThanOrEqual(70_000);
  });

  it('an idle device is idle at once, with no time skipped', async () => {
    const before = slow.clock.elapsedMs();
    expect(await sh(slow, 'ims-rig-device wait-idle --timeout-ms 300')).toEqual({ stdout: 'idle\n', stderr: '', code: 0 });
    expect(slow.clock.elapsedMs() - before).toBeLessThan(2_500);
  });
});
