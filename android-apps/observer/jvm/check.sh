#!/bin/sh
# Off-device check of the observer's DEX: the rig app's jvm/check.sh (enjarify, javac, java
# -Xverify:all) with this app's stand-ins and driver; the same arguments (see ../README.md).
here=$(cd "$(dirname "$0")" && pwd)
JVM_STUBS=$here/stubs JVM_DRIVER=$here/driver/Driver.java JVM_DEX=$here/../prebuilt/classes.dex \
    exec sh "$here/../../ims-service/jvm/check.sh" "$@"
