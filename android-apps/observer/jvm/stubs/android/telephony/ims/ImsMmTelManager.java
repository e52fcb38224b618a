package android.telephony.ims;

import java.util.concurrent.Executor;

/** JVM stand-in: registerImsStateCallback / unregisterImsStateCallback for its subscription (feature 1). */
public class ImsMmTelManager {
    private final int mSubId;
    ImsMmTelManager(int subId) { mSubId = subId; }
    public void registerImsStateCallback(Executor executor, ImsStateCallback callback) throws ImsException {
        ImsManager.TelephonyForTest.register(mSubId, 1, executor, callback);
    }
    public void unregisterImsStateCallback(ImsStateCallback callback) {
        ImsManager.TelephonyForTest.unregister(callback);
    }
}
