import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;
import android.telephony.SubscriptionManager;
import android.telephony.ims.ImsException;
import android.telephony.ims.ImsManager;
import android.util.Log;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Runs the observer's DEX (translated to JVM bytecode by enjarify: app.jar) against the stand-ins in
 * ../stubs, under -Xverify:all, one script line at a time. Each "process" is a fresh class loader
 * over app.jar (the app's statics start empty); the stand-ins' fake telephony is the driver's.
 *
 *   java -Xverify:all -cp stubs:driver Driver behaviours app.jar
 *       the README's behaviours, each a script line and the output it must give; ok/FAIL lines, exit 1 on a FAIL
 *   java -Xverify:all -cp stubs:driver Driver answers app.jar script.txt
 *       the output of every script line (the reference device's test runs the same script through
 *       its model of the app and compares)
 *
 * Script lines (a line that is empty or starts with # does nothing):
 *   sims <slot>=<sub> ...           the active subscription of each slot (a slot left out has none)
 *   send <key>=<value> ...          the control broadcast: slot as --ei, every other extra as --es
 *   available <sub> <MMTEL|RCS>     telephony calls onAvailable on every callback it holds for them
 *   unavailable <sub> <MMTEL|RCS> <reason number>
 *   fail <ImsException:<code>|SecurityException>   the next ITelephony#registerImsStateCallback throws it
 *   phone-died                      the phone process died (binderDied; the new one holds no callbacks)
 *   process-died                    the observer's process died (a new one starts on the next broadcast)
 * Output, per line, in order: `data <result data>` (`data -` for none) for send; `log <message>` for
 * every ImsRigObserver line; `other <line>` for any other log line.
 */
public class Driver {
    static final String RCV = "org.imsrig.observer.ObserverReceiver";
    static URL appJar;
    static ClassLoader process;

    static final Context CONTEXT = new Context() {
        @Override public <T> T getSystemService(Class<T> c) {
            if (c == ImsManager.class) return c.cast(new ImsManager());
            if (c == SubscriptionManager.class) return c.cast(new SubscriptionManager());
            return null;
        }
        @Override public Executor getMainExecutor() { return Runnable::run; }
    };

    static int featureNumber(String name) {
        if (name.equals("MMTEL")) return 1;
        if (name.equals("RCS")) return 2;
        throw new IllegalArgumentException("feature " + name);
    }

    /** Runs one script line; returns its output lines. */
    static List<String> run(String line) throws Exception {
        List<String> out = new ArrayList<>();
        int logged = Log.LINES_FOR_TEST.size();
        String[] w = line.trim().split(" +");
        switch (w[0]) {
            case "":
                break;
            case "sims":
                SubscriptionManager.SIMS_FOR_TEST.clear();
                for (int i = 1; i < w.length; i++) {
                    String[] kv = w[i].split("=", 2);
                    SubscriptionManager.SIMS_FOR_TEST.put(Integer.parseInt(kv[0]), Integer.parseInt(kv[1]));
                }
                break;
            case "send": {
                Intent intent = new Intent("org.imsrig.CONTROL");
                for (int i = 1; i < w.length; i++) {
                    String[] kv = w[i].split("=", 2);
                    if (kv[0].equals("slot")) intent.putExtra(kv[0], Integer.parseInt(kv[1]));
                    else intent.putExtra(kv[0], kv[1]);
                }
                if (process == null) process = new URLClassLoader(new URL[] {appJar}, Driver.class.getClassLoader());
                BroadcastReceiver r = (BroadcastReceiver) Class.forName(RCV, true, process).getDeclaredConstructor().newInstance();
                r.onReceive(CONTEXT, intent);
                out.add("data " + (r.getResultData() == null ? "-" : r.getResultData()));
                break;
            }
            case "available":
            case "unavailable": {
                int sub = Integer.parseInt(w[1]);
                int feature = featureNumber(w[2]);
                for (ImsManager.Held h : new ArrayList<>(ImsManager.TelephonyForTest.HELD)) {
                    if (h.subId != sub || h.feature != feature) continue;
                    if (w[0].equals("available")) h.callback.availableForTest();
                    else h.callback.unavailableForTest(Integer.parseInt(w[3]));
                }
                break;
            }
            case "fail":
                ImsManager.TelephonyForTest.nextError = w[1].startsWith("ImsException:") ? new ImsException("from telephony", Integer.parseInt(w[1].substring(13)))
                        : new SecurityException("from telephony");
                break;
            case "phone-died":
                ImsManager.TelephonyForTest.phoneDied();
                break;
            case "process-died":
                // Its callbacks die with it: telephony drops them when a call to them fails.
                process = null;
                ImsManager.TelephonyForTest.HELD.clear();
                ImsManager.TelephonyForTest.DEATH_LISTENERS.clear();
                break;
            default:
                if (!w[0].startsWith("#")) throw new IllegalArgumentException("unknown script line: " + line);
        }
        for (String l : Log.LINES_FOR_TEST.subList(logged, Log.LINES_FOR_TEST.size())) {
            out.add(l.startsWith("I/ImsRigObserver: ") ? "log " + l.substring(18) : "other " + l);
        }
        return out;
    }

    static int passed, failed;

    static void expect(String line, String... output) throws Exception {
        List<String> got = run(line);
        boolean ok = got.equals(Arrays.asList(output));
        if (ok) passed++; else failed++;
        System.out.println((ok ? "ok   " : "FAIL ") + line + (ok ? "" : "\n       expected " + Arrays.asList(output) + "\n       got      " + got));
    }

    static void behaviours() throws Exception {
        expect("sims 0=1");
        expect("send op=register id=mmtel0 slot=0 feature=MMTEL", "data registered mmtel0#1 sub=1",
                "log ev=register reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=-");
        expect("unavailable 1 MMTEL 4", "log ev=onUnavailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=NO_IMS_SERVICE_CONFIGURED");
        expect("available 1 MMTEL", "log ev=onAvailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=-");
        expect("unavailable 1 MMTEL 9", "log ev=onUnavailable reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=9");
        expect("send op=register id=rcs0 slot=0 feature=RCS", "data registered rcs0#1 sub=1",
                "log ev=register reg=rcs0#1 slot=0 sub=1 feature=RCS reason=-");
        expect("unavailable 1 RCS 6", "log ev=onUnavailable reg=rcs0#1 slot=0 sub=1 feature=RCS reason=IMS_SERVICE_NOT_READY");
        expect("phone-died", "log ev=onError reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=-", "log ev=onError reg=rcs0#1 slot=0 sub=1 feature=RCS reason=-");
        expect("phone-died");
        expect("send op=reregister id=mmtel0", "data registered mmtel0#2 sub=1",
                "log ev=unregister reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=-", "log ev=register reg=mmtel0#2 slot=0 sub=1 feature=MMTEL reason=-");
        expect("send op=unregister id=rcs0", "data unregistered rcs0#1", "log ev=unregister reg=rcs0#1 slot=0 sub=1 feature=RCS reason=-");
        expect("send op=unregister id=rcs0", "data unknown rcs0");
        expect("send op=register id=slot1 slot=1 feature=MMTEL", "data failed slot1#1 sub=-1 IllegalArgumentException",
                "log ev=register-failed reg=slot1#1 slot=1 sub=-1 feature=MMTEL reason=IllegalArgumentException");
        expect("fail ImsException:3");
        expect("send op=register id=bad slot=0 feature=RCS", "data failed bad#1 sub=1 ImsException:3",
                "log ev=register-failed reg=bad#1 slot=0 sub=1 feature=RCS reason=ImsException:3");
        expect("fail SecurityException");
        expect("send op=reregister id=bad", "data failed bad#2 sub=1 SecurityException",
                "log ev=unregister reg=bad#1 slot=0 sub=1 feature=RCS reason=-", "log ev=register-failed reg=bad#2 slot=0 sub=1 feature=RCS reason=SecurityException");
        expect("send op=register id=x slot=0 feature=mmtel", "data bad-request feature");
        expect("send op=register id=x feature=MMTEL", "data bad-request slot");
        expect("send op=register id=X slot=0 feature=MMTEL", "data bad-request id");
        expect("send op=list id=x", "data bad-request op");
        expect("send id=x", "data bad-request op");
        expect("send op=register id=zz slot=0 feature=RCS", "data registered zz#1 sub=1", "log ev=register reg=zz#1 slot=0 sub=1 feature=RCS reason=-");
        expect("send op=reset", "data reset 4", "log ev=unregister reg=bad#2 slot=0 sub=1 feature=RCS reason=-",
                "log ev=unregister reg=mmtel0#2 slot=0 sub=1 feature=MMTEL reason=-", "log ev=unregister reg=slot1#1 slot=1 sub=-1 feature=MMTEL reason=-",
                "log ev=unregister reg=zz#1 slot=0 sub=1 feature=RCS reason=-");
        expect("unavailable 1 RCS 3");
        expect("send op=reset id=Whatever", "data reset 0");
        expect("send op=register id=zz slot=0 feature=MMTEL", "data registered zz#1 sub=1", "log ev=register reg=zz#1 slot=0 sub=1 feature=MMTEL reason=-");
        expect("process-died");
        expect("send op=register id=mmtel0 slot=0 feature=MMTEL", "data registered mmtel0#1 sub=1",
                "log ev=register reg=mmtel0#1 slot=0 sub=1 feature=MMTEL reason=-");
        System.out.println(passed + " passed, " + failed + " failed");
        if (failed > 0) System.exit(1);
    }

    static void answers(String script) throws Exception {
        for (String line : Files.readAllLines(new File(script).toPath(), StandardCharsets.UTF_8)) {
            for (String o : run(line)) System.out.println(o);
        }
    }

    public static void main(String[] args) throws Exception {
        appJar = new File(args[1]).toURI().toURL();
        if (args[0].equals("answers")) answers(args[2]);
        else behaviours();
    }
}
