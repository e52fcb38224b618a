package android.telephony.ims.stub;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** JVM stand-in of the Android 11+ shape: a set of (slot, feature) pairs built by a Builder. */
public final class ImsFeatureConfiguration {
    public static final class Builder {
        private final ImsFeatureConfiguration mConfig = new ImsFeatureConfiguration();
        public Builder() {}
        public Builder addFeature(int slotId, int featureType) {
            mConfig.mPairs.add(slotId + ":" + featureType);
            return this;
        }
        public ImsFeatureConfiguration build() { return mConfig; }
    }

    private final Set<String> mPairs = new TreeSet<>();
    public ImsFeatureConfiguration() {}

    /** "slot:feature" pairs, sorted (the driver's view of getServiceFeatures()). */
    public Set<String> pairsForTest() { return Collections.unmodifiableSet(mPairs); }
}
