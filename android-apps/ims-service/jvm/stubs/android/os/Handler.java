package android.os;

import java.util.ArrayList;
import java.util.List;

/** JVM stand-in: posted runnables wait in a queue the driver runs (the main thread's). */
public class Handler {
    public static final List<Runnable> MAIN_QUEUE = new ArrayList<>();
    public Handler(Looper looper) { if (looper == null) throw new NullPointerException("looper"); }
    public final boolean post(Runnable r) { MAIN_QUEUE.add(r); return true; }
}
