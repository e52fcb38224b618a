package android.app;

import android.content.ContextWrapper;
import android.content.Intent;
import android.os.IBinder;

/** JVM stand-in for android.app.Service: the members the rig app's DEX references. */
public abstract class Service extends ContextWrapper {
    public Service() { super(null); }
    public void onCreate() {}
    public void onDestroy() {}
    public abstract IBinder onBind(Intent intent);
}
