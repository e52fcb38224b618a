package android.telephony.ims;

import java.util.concurrent.Executor;

/**
 * JVM stand-in: the three abstract callbacks apps implement, and the hidden members the managers use
 * (init: the executor callbacks run on; binderDied: the telephony binder died, so onError).
 * The driver calls availableForTest / unavailableForTest where telephony would call the callback's
 * binder.
 */
public abstract class ImsStateCallback {
    public static final int REASON_UNKNOWN_TEMPORARY_ERROR = 1;
    public static final int REASON_UNKNOWN_PERMANENT_ERROR = 2;
    public static final int REASON_IMS_SERVICE_DISCONNECTED = 3;
    public static final int REASON_NO_IMS_SERVICE_CONFIGURED = 4;
    public static final int REASON_SUBSCRIPTION_INACTIVE = 5;
    public static final int REASON_IMS_SERVICE_NOT_READY = 6;

    private Executor mExecutor;

    public ImsStateCallback() {}
    public abstract void onUnavailable(int reason);
    public abstract void onAvailable();
    public abstract void onError();

    void init(Executor executor) { mExecutor = executor; }
    void binderDied() { mExecutor.execute(this::onError); }
    public final void availableForTest() { mExecutor.execute(this::onAvailable); }
    public final void unavailableForTest(int reason) { mExecutor.execute(() -> onUnavailable(reason)); }
}
