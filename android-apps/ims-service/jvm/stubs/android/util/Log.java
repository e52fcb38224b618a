package android.util;

/** JVM stand-in: prints like logcat's brief format. */
public final class Log {
    public static int i(String tag, String msg) {
        System.out.println("  logcat I/" + tag + ": " + msg);
        return 0;
    }
}
