import { readFileSync } from 'node:fs';
import { projectPath } from '../../../../harness/paths';
import { descriptorToName, DexFormatError, readDexClasses, readDexReferences } from '../dex-file';

// Format-exact fixture: the rig app's committed classes.dex (smali 2.5, DEX 039).
const DEX = readFileSync(projectPath('android-apps', 'ims-service', 'prebuilt', 'classes.dex'));

describe('readDexClasses', () => {
  it('lists the classes the DEX defines with their superclasses', () => {
    expect(Object.fromEntries(readDexClasses(DEX).classes)).toEqual({
      'org.imsrig.ims.Answers': 'java.lang.Object',
      'org.imsrig.ims.ControlReceiver': 'android.content.BroadcastReceiver',
      'org.imsrig.ims.MainThreadCrash': 'java.lang.Object',
      'org.imsrig.ims.RigImsService': 'android.telephony.ims.ImsService',
      'org.imsrig.ims.RigMmTelFeature': 'android.telephony.ims.feature.MmTelFeature',
      'org.imsrig.ims.RigRcsFeature': 'android.telephony.ims.feature.RcsFeature',
      'org.imsrig.ims.SecondRigImsService': 'org.imsrig.ims.RigImsService',
    });
  });

  it.each([
    ['a changed byte (checksum)', (b: Buffer) => { b[b.length - 5] = (b[b.length - 5] ?? 0) ^ 1; }, /checksum mismatch/],
    ['a bad magic', (b: Buffer) => { b.write('zip', 0, 'latin1'); }, /bad magic/],
    ['a wrong file_size', (b: Buffer) => { b.writeUInt32LE(b.length + 4, 32); }, /file_size/],
  ])('refuses %s, as ART\'s verifier does', (_what, damage, message) => {
    const copy = Buffer.from(DEX);
    damage(copy);
    expect(() => readDexClasses(copy)).toThrow(DexFormatError);
    expect(() => readDexClasses(copy)).toThrow(message);
  });

  it('refuses a truncated file', () => {
    expect(() => readDexClasses(DEX.subarray(0, 60))).toThrow(/shorter than its header/);
  });
});

describe('readDexReferences', () => {
  it('names the framework members the code calls', () => {
    const { methods, fields } = readDexReferences(DEX);
    expect(methods).toContain('android.os.Process.killProcess(int)');
    expect(methods).toContain('android.telephony.ims.stub.ImsFeatureConfiguration$Builder.addFeature(int, int)');
    expect(methods).toContain('android.content.ComponentName.<init>(Context, Class)');
    expect(fields).toContain('android.content.pm.ServiceInfo.metaData');
  });
});

it('descriptorToName', () => {
  expect(descriptorToName('Lorg/x/Y$Z;')).toBe('org.x.Y$Z');
  expect(descriptorToName('[[I')).toBe('int[][]');
  expect(descriptorToName('[Ljava/lang/String;')).toBe('java.lang.String[]');
});
