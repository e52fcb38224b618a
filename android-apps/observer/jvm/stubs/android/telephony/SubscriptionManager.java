package android.telephony;

import java.util.HashMap;
import java.util.Map;

/** JVM stand-in: the active subscription of each slot is the driver's (SIMS_FOR_TEST). */
public class SubscriptionManager {
    public static final int INVALID_SUBSCRIPTION_ID = -1;
    /** slot -> subscription id; a slot not in it has no SIM. */
    public static final Map<Integer, Integer> SIMS_FOR_TEST = new HashMap<>();

    /** As on Android: null for an invalid slot index, {INVALID_SUBSCRIPTION_ID} for an empty slot. */
    public int[] getSubscriptionIds(int slotIndex) {
        if (slotIndex < 0 || slotIndex > 1) return null;
        Integer sub = SIMS_FOR_TEST.get(slotIndex);
        return new int[] {sub == null ? INVALID_SUBSCRIPTION_ID : sub};
    }
}
