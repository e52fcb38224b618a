package android.telephony.ims;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** JVM stand-in: the two manager getters (which refuse an invalid subscription, as on Android) and a fake telephony. */
public class ImsManager {
    public ImsManager() {}

    public ImsRcsManager getImsRcsManager(int subscriptionId) {
        if (subscriptionId < 0) throw new IllegalArgumentException("Invalid subscription ID: " + subscriptionId);
        return new ImsRcsManager(subscriptionId);
    }

    public ImsMmTelManager getImsMmTelManager(int subscriptionId) {
        if (subscriptionId < 0) throw new IllegalArgumentException("Invalid subscription ID: " + subscriptionId);
        return new ImsMmTelManager(subscriptionId);
    }

    /** A callback telephony holds: the subscription and feature (1 MMTEL, 2 RCS) it was registered for. */
    public static final class Held {
        public final int subId;
        public final int feature;
        public final ImsStateCallback callback;
        Held(int subId, int feature, ImsStateCallback callback) { this.subId = subId; this.feature = feature; this.callback = callback; }
    }

    /**
     * The phone process as the managers see it. register does what ImsMmTelManager /
     * ImsRcsManager#registerImsStateCallback do: init, tie the callback to the telephony binder's
     * death (BinderCacheManager#listenOnBinder, kept when the call then throws), then
     * ITelephony#registerImsStateCallback, whose ServiceSpecificException becomes an ImsException.
     */
    public static final class TelephonyForTest {
        public static final List<Held> HELD = new ArrayList<>();
        public static final List<ImsStateCallback> DEATH_LISTENERS = new ArrayList<>();
        /** What the next ITelephony#registerImsStateCallback throws (an ImsException or a RuntimeException), once. */
        public static Exception nextError;

        static void register(int subId, int feature, Executor executor, ImsStateCallback callback) throws ImsException {
            callback.init(executor);
            DEATH_LISTENERS.add(callback);
            Exception e = nextError;
            nextError = null;
            if (e instanceof ImsException) throw (ImsException) e;
            if (e != null) throw (RuntimeException) e;
            HELD.add(new Held(subId, feature, callback));
        }

        static void unregister(ImsStateCallback callback) {
            DEATH_LISTENERS.remove(callback);
            HELD.removeIf(h -> h.callback == callback);
        }

        /** The phone process died: binderDied to every listener, once; the new process holds nothing. */
        public static void phoneDied() {
            List<ImsStateCallback> listeners = new ArrayList<>(DEATH_LISTENERS);
            DEATH_LISTENERS.clear();
            HELD.clear();
            for (ImsStateCallback c : listeners) c.binderDied();
        }
    }
}
