package android.telephony.ims.feature;

/** JVM stand-in. */
public class RcsFeature extends ImsFeature {
    public RcsFeature() {}
}
