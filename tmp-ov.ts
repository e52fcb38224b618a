import * as fs from 'node:fs';
import { buildOverlayApk } from './harness/formats/overlay-apk';
void buildOverlayApk({ mmtel: 'com.oem.ims' as never, rcs: '' }).then((r) => { fs.writeFileSync('/tmp/ov.apk', r.bytes); console.log(r.packageName); });
