package android.os;

/** JVM stand-in: killProcess records the pid instead of exiting (the driver checks it). */
public class Process {
    public static volatile int lastKilledPid = -1;
    public static final int myPid() { return 4242; }
    public static final void killProcess(int pid) { lastKilledPid = pid; }
}
