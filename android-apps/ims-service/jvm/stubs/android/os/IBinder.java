package android.os;

/** JVM stand-in. */
public interface IBinder {}
