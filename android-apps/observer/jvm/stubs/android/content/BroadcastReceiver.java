package android.content;

/** JVM stand-in: a synchronous receiver's result data is what the sender gets. */
public abstract class BroadcastReceiver {
    private String mResultData;
    public BroadcastReceiver() {}
    public abstract void onReceive(Context context, Intent intent);
    public final void setResultData(String data) { mResultData = data; }
    public final String getResultData() { return mResultData; }
}
