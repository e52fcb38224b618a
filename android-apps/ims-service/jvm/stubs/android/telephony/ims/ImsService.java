package android.telephony.ims;

import android.app.Service;
import android.content.Intent;
import android.os.IBinder;
import android.os.RemoteException;
import android.telephony.ims.feature.MmTelFeature;
import android.telephony.ims.feature.RcsFeature;
import android.telephony.ims.stub.ImsFeatureConfiguration;

/**
 * JVM stand-in of the Android 14/15 ImsService surface the rig app uses: onBind answers the
 * controller binder only for SERVICE_INTERFACE; onUpdateSupportedImsFeatures is final and throws
 * IllegalStateException("Framework is not ready") without a listener; the *ForSubscription and
 * emergency-only creators default to createMmTelFeature/createRcsFeature.
 */
public class ImsService extends Service {
    public static final String SERVICE_INTERFACE = "android.telephony.ims.ImsService";

    /** The binder onBind hands out (IImsServiceController on Android). */
    public static final IBinder CONTROLLER_BINDER = new IBinder() {};

    /** Stands in for IImsServiceControllerListener. */
    public static class Listener {
        public void onUpdateSupportedImsFeatures(ImsFeatureConfiguration c) {}
    }

    private Listener mListener;

    public ImsService() {}

    /** The framework's real bind (IImsServiceController#setListener). */
    public void setListenerForTest(Listener l) { mListener = l; }

    @Override
    public IBinder onBind(Intent intent) {
        return SERVICE_INTERFACE.equals(intent.getAction()) ? CONTROLLER_BINDER : null;
    }

    public ImsFeatureConfiguration querySupportedImsFeatures() { return new ImsFeatureConfiguration(); }

    public final void onUpdateSupportedImsFeatures(ImsFeatureConfiguration c) throws RemoteException {
        Listener l = mListener;
        if (l == null) throw new IllegalStateException("Framework is not ready");
        l.onUpdateSupportedImsFeatures(c);
    }

    public void readyForFeatureCreation() {}

    public MmTelFeature createMmTelFeatureForSubscription(int slotId, int subscriptionId) { return createMmTelFeature(slotId); }
    public RcsFeature createRcsFeatureForSubscription(int slotId, int subscriptionId) { return createRcsFeature(slotId); }
    public MmTelFeature createEmergencyOnlyMmTelFeature(int slotId) { return createMmTelFeature(slotId); }
    public MmTelFeature createMmTelFeature(int slotId) { return null; }
    public RcsFeature createRcsFeature(int slotId) { return null; }
}
