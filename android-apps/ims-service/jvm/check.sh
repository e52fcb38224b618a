#!/bin/sh
# Off-device check of the rig app's DEX: enjarify -> JVM bytecode, run against the stand-ins in
# stubs/ under -Xverify:all by driver/Driver.java (see ../README.md "Checked off the device").
#
#   jvm/check.sh [classes.dex [work dir]]                        every behaviour; exit 1 on a FAIL
#   jvm/check.sh --answers <inputs file> [classes.dex [work dir]] the answers parser on each line
#   --build-only: translate and compile into the work dir, run nothing (it gets a `ready` file)
#   --reuse:      a work dir with a `ready` file is not rebuilt
#
# Needs: apt-get install enjarify openjdk-17-jdk-headless. enjarify's launcher takes the first
# python3 on PATH; a pyenv one without the enjarify module may come first, so Debian's is pinned
# (ENJARIFY_PYTHON overrides). JVM_STUBS, JVM_DRIVER and JVM_DEX let another app's check reuse
# this one (android-apps/observer/jvm/check.sh).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mode=behaviours
inputs=
build_only=
reuse=
while [ $# -gt 0 ]; do
    case "$1" in
        --answers) mode=answers; inputs=$2; shift 2 ;;
        --build-only) build_only=1; shift ;;
        --reuse) reuse=1; shift ;;
        *) break ;;
    esac
done
dex=${1:-${JVM_DEX:-$here/../prebuilt/classes.dex}}
stubs=${JVM_STUBS:-$here/stubs}
driver=${JVM_DRIVER:-$here/driver/Driver.java}
work=${2:-$(mktemp -d)}
if [ -z "$reuse" ] || [ ! -f "$work/ready" ]; then
    rm -f "$work/ready"
    mkdir -p "$work/stubs" "$work/driver"
    PYTHON=${ENJARIFY_PYTHON:-/usr/bin/python3} enjarify -f "$dex" -o "$work/app.jar" > /dev/null
    # shellcheck disable=SC2046
    javac -nowarn --release 17 -d "$work/stubs" $(find "$stubs" -name '*.java' | sort)
    javac -nowarn --release 17 -cp "$work/stubs" -d "$work/driver" "$driver"
    touch "$work/ready"
fi
[ -z "$build_only" ] || exit 0
# enjarify writes class version 49 (no StackMapTable): HotSpot verifies it with the type-inferencing
# verifier; -Xverify:all makes it verify every class, the app's included.
exec java -Xverify:all -cp "$work/stubs:$work/driver" Driver "$mode" "$work/app.jar" $inputs
