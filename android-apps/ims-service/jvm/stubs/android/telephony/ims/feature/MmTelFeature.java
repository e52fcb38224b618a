package android.telephony.ims.feature;

/** JVM stand-in. */
public class MmTelFeature extends ImsFeature {
    public MmTelFeature() {}
}
