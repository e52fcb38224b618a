package android.telephony.ims.feature;

/** JVM stand-in: the state, set with the final setFeatureState (SystemApi, API 30+). */
public abstract class ImsFeature {
    public static final int FEATURE_EMERGENCY_MMTEL = 0;
    public static final int FEATURE_MMTEL = 1;
    public static final int FEATURE_RCS = 2;
    public static final int STATE_UNAVAILABLE = 0;
    public static final int STATE_INITIALIZING = 1;
    public static final int STATE_READY = 2;

    private int mState = STATE_UNAVAILABLE;
    public ImsFeature() {}
    public final void setFeatureState(int state) { mState = state; }
    public int getFeatureState() { return mState; }
}
