package android.os;

/** JVM stand-in. */
public class RemoteException extends Exception {
    public RemoteException() {}
}
