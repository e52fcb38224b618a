package android.telephony.ims;

import java.util.concurrent.Executor;

/** JVM stand-in: registerImsStateCallback / unregisterImsStateCallback for its subscription (feature 2). */
public class ImsRcsManager {
    private final int mSubId;
    ImsRcsManager(int subId) { mSubId = subId; }
    public void registerImsStateCallback(Executor executor, ImsStateCallback callback) throws ImsException {
        ImsManager.TelephonyForTest.register(mSubId, 2, executor, callback);
    }
    public void unregisterImsStateCallback(ImsStateCallback callback) {
        ImsManager.TelephonyForTest.unregister(callback);
    }
}
