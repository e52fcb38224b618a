package android.util;

import java.util.ArrayList;
import java.util.List;

/** JVM stand-in: keeps every line (`I/<tag>: <message>`) for the driver to read back. */
public final class Log {
    public static final List<String> LINES_FOR_TEST = new ArrayList<>();
    public static int i(String tag, String msg) {
        LINES_FOR_TEST.add("I/" + tag + ": " + msg);
        return 0;
    }
}
