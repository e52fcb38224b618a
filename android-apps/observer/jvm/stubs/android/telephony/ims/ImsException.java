package android.telephony.ims;

/** JVM stand-in: a checked exception with a code (CODE_ERROR_*). */
public final class ImsException extends Exception {
    public static final int CODE_ERROR_SERVICE_UNAVAILABLE = 1;
    public static final int CODE_ERROR_UNSUPPORTED_OPERATION = 2;
    public static final int CODE_ERROR_INVALID_SUBSCRIPTION = 3;
    private final int mCode;
    public ImsException(String message, int code) { super(message); mCode = code; }
    public int getCode() { return mCode; }
}
