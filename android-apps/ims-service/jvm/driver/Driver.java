import android.content.BroadcastReceiver;
import android.content.ComponentName;
import android.content.Context;
import android.content.Intent;
import android.content.SharedPreferences;
import android.content.pm.PackageManager;
import android.content.pm.ServiceInfo;
import android.os.Bundle;
import android.os.Handler;
import android.os.Process;
import android.telephony.ims.ImsService;
import android.telephony.ims.feature.ImsFeature;
import android.telephony.ims.feature.MmTelFeature;
import android.telephony.ims.feature.RcsFeature;
import android.telephony.ims.stub.ImsFeatureConfiguration;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the rig app's DEX (translated to JVM bytecode by enjarify: app.jar) against the stand-ins in
 * ../stubs, under -Xverify:all. Each "process" is a fresh class loader over app.jar, so the app's
 * statics start empty as after a process death; the SharedPreferences store is the driver's (the
 * "disk"), so what the app stores there outlives a process, as on a device.
 *
 *   java -Xverify:all -cp stubs:driver Driver behaviours app.jar
 *       every behaviour of android-apps/ims-service/README.md; prints ok/FAIL lines, exits 1 on a FAIL
 *   java -Xverify:all -cp stubs:driver Driver answers app.jar inputs.txt
 *       one line per input line (backslash, CR and LF written as \\, \r, \n, in and out):
 *       `ok 0:1,0:2` or `error <message>`
 */
public class Driver {
    static final String PKG = "org.imsrig.ims";
    static final String SVC = "org.imsrig.ims.RigImsService";
    static final String SVC2 = "org.imsrig.ims.SecondRigImsService";
    static final String RCV = "org.imsrig.ims.ControlReceiver";
    static int passed, failed;
    static URL appJar;

    static void check(String what, boolean ok) {
        if (ok) passed++; else failed++;
        System.out.println((ok ? "ok   " : "FAIL ") + what);
    }

    static String show(ImsFeatureConfiguration c) { return String.join(",", c.pairsForTest()); }

    /** The "disk": SharedPreferences files by package, surviving class loaders (processes). */
    static final Map<String, Map<String, String>> DISK = new HashMap<>();

    static SharedPreferences prefs(String pkg) {
        Map<String, String> file = DISK.computeIfAbsent(pkg, k -> new HashMap<>());
        return new SharedPreferences() {
            public String getString(String key, String def) { return file.getOrDefault(key, def); }
            public Editor edit() {
                Map<String, String> pending = new HashMap<>();
                return new Editor() {
                    public Editor putString(String k, String v) { pending.put(k, v); return this; }
                    public boolean commit() { file.putAll(pending); return true; }
                };
            }
        };
    }

    /** A device with one package: its services' meta-data (null map: the service is not installed). */
    static Context device(String pkg, Map<String, Map<String, String>> metaByClass) {
        PackageManager pm = new PackageManager();
        for (Map.Entry<String, Map<String, String>> e : metaByClass.entrySet()) {
            ServiceInfo si = new ServiceInfo();
            si.name = e.getKey();
            si.packageName = pkg;
            si.permission = "android.permission.BIND_IMS_SERVICE";
            si.metaData = new Bundle();
            for (Map.Entry<String, String> m : e.getValue().entrySet()) si.metaData.putString(m.getKey(), m.getValue());
            pm.installForTest(new ComponentName(pkg, e.getKey()), si);
        }
        return new Context() {
            public String getPackageName() { return pkg; }
            public PackageManager getPackageManager() { return pm; }
            public Context createDeviceProtectedStorageContext() { return this; }
            public SharedPreferences getSharedPreferences(String name, int mode) { return prefs(pkg + "/" + name); }
        };
    }

    static Map<String, Map<String, String>> meta(String cls, String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        Map<String, Map<String, String>> out = new HashMap<>();
        out.put(cls, m);
        return out;
    }

    static ClassLoader newProcess() { return new URLClassLoader(new URL[] {appJar}, Driver.class.getClassLoader()); }

    /** As ActivityThread does: by class name, no-arg constructor, attach, onCreate. */
    static ImsService startService(ClassLoader proc, String cls, Context base) throws Exception {
        ImsService svc = (ImsService) Class.forName(cls, true, proc).getDeclaredConstructor().newInstance();
        svc.attachBaseContext(base);
        svc.onCreate();
        return svc;
    }

    static String send(ClassLoader proc, Context ctx, Intent intent) throws Exception {
        BroadcastReceiver r = (BroadcastReceiver) Class.forName(RCV, true, proc).getDeclaredConstructor().newInstance();
        r.onReceive(ctx, intent);
        return r.sentResultData();
    }

    static Intent control() { return new Intent("org.imsrig.CONTROL"); }

    static int state(Object feature) { return ((ImsFeature) feature).getFeatureState(); }

    static void behaviours() throws Exception {
        final List<ImsFeatureConfiguration> updates = new ArrayList<>();

        System.out.println("== process 1: manifest answers, features READY");
        Context dev = device(PKG, meta(SVC, "ims-rig.answers", "0=EMERGENCY_MMTEL,MMTEL,RCS;1=MMTEL"));
        ClassLoader p1 = newProcess();
        ImsService svc = startService(p1, SVC, dev);
        check("query answers the manifest per slot", show(svc.querySupportedImsFeatures()).equals("0:0,0:1,0:2,1:1"));
        check("onBind hands out the controller for the ImsService action", svc.onBind(new Intent(ImsService.SERVICE_INTERFACE)) == ImsService.CONTROLLER_BINDER);
        check("onBind answers null for another action (ImsService#onBind)", svc.onBind(new Intent("android.telephony.ims.compat.ImsService")) == null);
        MmTelFeature mmtel = svc.createMmTelFeature(0);
        RcsFeature rcs = svc.createRcsFeature(1);
        check("createMmTelFeature -> RigMmTelFeature, READY", mmtel.getClass().getName().equals("org.imsrig.ims.RigMmTelFeature") && state(mmtel) == ImsFeature.STATE_READY);
        check("createRcsFeature -> RigRcsFeature, READY", rcs.getClass().getName().equals("org.imsrig.ims.RigRcsFeature") && state(rcs) == ImsFeature.STATE_READY);
        check("createMmTelFeatureForSubscription and createEmergencyOnlyMmTelFeature reach the override",
                svc.createMmTelFeatureForSubscription(0, 7) instanceof MmTelFeature && svc.createEmergencyOnlyMmTelFeature(1) instanceof MmTelFeature);
        svc.readyForFeatureCreation();
        check("normal: readyForFeatureCreation posts nothing", Handler.MAIN_QUEUE.isEmpty());

        String r = send(p1, dev, control().putExtra("features", "0=MMTEL"));
        check("features before the framework's listener -> stored: " + r, "stored".equals(r));
        check("... and the next query answers them", show(svc.querySupportedImsFeatures()).equals("0:1"));
        svc.setListenerForTest(new ImsService.Listener() {
            @Override public void onUpdateSupportedImsFeatures(ImsFeatureConfiguration c) { updates.add(c); }
        });
        r = send(p1, dev, control().putExtra("features", "0=MMTEL;1=RCS"));
        check("features with the listener -> updated: " + r, "updated".equals(r));
        check("the framework got exactly that configuration", updates.size() == 1 && show(updates.get(0)).equals("0:1,1:2"));
        r = send(p1, dev, control().putExtra("features", "0=MMTEL;2=RCS"));
        check("malformed features -> error, nothing changed: " + r,
                r.equals("error: bad slot entry \"2=RCS\" (expected <slot>=<features>, slot 0 or 1)") && updates.size() == 1
                        && show(svc.querySupportedImsFeatures()).equals("0:1,1:2"));
        r = send(p1, dev, control().putExtra("features", "none"));
        check("features none -> updated with an empty configuration", "updated".equals(r) && show(updates.get(updates.size() - 1)).isEmpty());

        r = send(p1, dev, control().putExtra("feature-state", "UNAVAILABLE"));
        check("feature-state with live features -> updated, and they moved: " + r, "updated".equals(r) && state(mmtel) == 0 && state(rcs) == 0);
        check("... and new features start in it", state(svc.createRcsFeature(0)) == ImsFeature.STATE_UNAVAILABLE);
        r = send(p1, dev, control().putExtra("feature-state", "ready"));
        check("unknown feature state -> error: " + r, r.equals("error: unknown feature state \"ready\" (expected READY, INITIALIZING or UNAVAILABLE)"));
        r = send(p1, dev, control());
        check("no extra -> error: " + r, "error: no crash, features, behaviour or feature-state extra".equals(r));
        r = send(p1, dev, control().putExtra("behaviour", "sometimes"));
        check("unknown behaviour -> error: " + r, r.equals("error: unknown behaviour \"sometimes\" (expected normal, null-binding, query-error or crash-on-bind)"));

        r = send(p1, dev, control().putExtra("behaviour", "null-binding"));
        check("behaviour null-binding -> stored", "stored".equals(r));
        check("... onBind now answers null", svc.onBind(new Intent(ImsService.SERVICE_INTERFACE)) == null);
        r = send(p1, dev, control().putExtra("crash", true).putExtra("features", "0=RCS"));
        check("crash wins over other extras, replies killed before dying: " + r, "killed".equals(r) && Process.lastKilledPid == Process.myPid());

        System.out.println("== process 2 (after the crash): memory state gone, stored behaviour kept");
        Process.lastKilledPid = -1;
        ClassLoader p2 = newProcess();
        ImsService svc2 = startService(p2, SVC, dev);
        check("answers back to the manifest's", show(svc2.querySupportedImsFeatures()).equals("0:0,0:1,0:2,1:1"));
        check("feature state back to READY", state(svc2.createMmTelFeature(0)) == ImsFeature.STATE_READY);
        check("null-binding survived the process", svc2.onBind(new Intent(ImsService.SERVICE_INTERFACE)) == null);
        send(p2, dev, control().putExtra("behaviour", "normal"));
        check("behaviour normal binds again", svc2.onBind(new Intent(ImsService.SERVICE_INTERFACE)) == ImsService.CONTROLLER_BINDER);
        svc2.onDestroy();
        check("features after onDestroy -> stored (no live service)", "stored".equals(send(p2, dev, control().putExtra("features", "0=RCS"))));

        System.out.println("== process 3: manifest behaviours, feature state and a second component");
        Context dev3 = device("com.scenario.three", meta(SVC, "ims-rig.answers", "1=RCS", "ims-rig.behaviour", "query-error"));
        ClassLoader p3 = newProcess();
        ImsService q = startService(p3, SVC, dev3);
        boolean threw = false;
        try { q.querySupportedImsFeatures(); } catch (IllegalStateException e) { threw = true; }
        check("query-error kills its own process inside the query", Process.lastKilledPid == Process.myPid() && threw);
        Process.lastKilledPid = -1;

        Context dev4 = device("com.scenario.four", meta(SVC, "ims-rig.behaviour", "crash-on-bind", "ims-rig.feature-state", "INITIALIZING"));
        ImsService c = startService(newProcess(), SVC, dev4);
        check("crash-on-bind still answers the query (the query bind does not crash)", show(c.querySupportedImsFeatures()).isEmpty());
        c.readyForFeatureCreation();
        boolean crashed = false;
        try { Handler.MAIN_QUEUE.remove(0).run(); } catch (RuntimeException e) { crashed = "ims-rig.behaviour=crash-on-bind".equals(e.getMessage()); }
        check("crash-on-bind: the real bind posts an uncaught exception to the main thread", crashed && Handler.MAIN_QUEUE.isEmpty());
        check("ims-rig.feature-state INITIALIZING", state(c.createMmTelFeature(0)) == ImsFeature.STATE_INITIALIZING);

        Map<String, Map<String, String>> two = meta(SVC, "ims-rig.answers", "0=MMTEL");
        two.putAll(meta(SVC2, "ims-rig.answers", "0=RCS", "ims-rig.feature-state", "bogus"));
        Context dev5 = device("com.multi.ims", two);
        ClassLoader p5 = newProcess();
        ImsService first = startService(p5, SVC, dev5);
        ImsService second = startService(p5, SVC2, dev5);
        check("each component reads its own <service> meta-data", show(first.querySupportedImsFeatures()).equals("0:1") && show(second.querySupportedImsFeatures()).equals("0:2"));
        check("an unknown manifest feature state counts as READY", state(second.createMmTelFeature(0)) == ImsFeature.STATE_READY);

        Context dev6 = device("com.bad.answers", meta(SVC, "ims-rig.answers", "0=MMTEL,mmtel"));
        check("malformed manifest answers -> no features", show(startService(newProcess(), SVC, dev6).querySupportedImsFeatures()).isEmpty());
        Context gone = device("com.not.installed", new HashMap<>());
        check("unreadable service info -> no features, no crash", show(startService(newProcess(), SVC, gone).querySupportedImsFeatures()).isEmpty());
        check("the feature-state broadcast with no feature yet -> stored", "stored".equals(send(newProcess(), gone, control().putExtra("feature-state", "READY"))));

        System.out.println(passed + " passed, " + failed + " failed");
        if (failed > 0) System.exit(1);
    }

    /** Inverse of the test's escaping: backslash-n, backslash-r and a doubled backslash. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String s) { return s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n"); }

    static void answers(String inputs) throws Exception {
        Class<?> answers = Class.forName("org.imsrig.ims.Answers", true, newProcess());
        Method addTo = answers.getDeclaredMethod("addTo", String.class, ImsFeatureConfiguration.Builder.class);
        addTo.setAccessible(true);
        for (String line : Files.readAllLines(new File(inputs).toPath(), StandardCharsets.UTF_8)) {
            ImsFeatureConfiguration.Builder b = new ImsFeatureConfiguration.Builder();
            String error = (String) addTo.invoke(null, unescape(line), b);
            System.out.println(escape(error == null ? "ok " + show(b.build()) : "error " + error));
        }
    }

    public static void main(String[] args) throws Exception {
        appJar = new File(args[1]).toURI().toURL();
        if (args[0].equals("answers")) answers(args[2]);
        else behaviours();
    }
}
