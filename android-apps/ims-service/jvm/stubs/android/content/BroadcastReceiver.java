package android.content;

/**
 * JVM stand-in. As on Android, after goAsync() the result travels with the PendingResult and
 * reaches the sender when finish() is called; the driver reads what was sent (sentResultData).
 */
public abstract class BroadcastReceiver {
    public static final class PendingResult {
        private final BroadcastReceiver mReceiver;
        private String mData;
        PendingResult(BroadcastReceiver receiver, String data) { mReceiver = receiver; mData = data; }
        public final void setResultData(String data) { mData = data; }
        public final void finish() { mReceiver.mSent = true; mReceiver.mSentData = mData; }
    }

    private String mResultData;
    private boolean mAsync;
    private boolean mSent;
    private String mSentData;

    public BroadcastReceiver() {}
    public abstract void onReceive(Context context, Intent intent);
    public final void setResultData(String data) { mResultData = data; }
    public final PendingResult goAsync() { mAsync = true; return new PendingResult(this, mResultData); }

    /** What ActivityManager got back: the PendingResult's data after goAsync, else the result data. */
    public final String sentResultData() { return mAsync ? (mSent ? mSentData : null) : mResultData; }
}
