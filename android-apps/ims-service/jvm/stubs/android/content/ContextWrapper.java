package android.content;

import android.content.pm.PackageManager;

/** JVM stand-in: delegates to the base context. attachBaseContext is public here for the driver. */
public class ContextWrapper extends Context {
    private Context mBase;
    public ContextWrapper(Context base) { mBase = base; }
    public void attachBaseContext(Context base) { mBase = base; }
    @Override public String getPackageName() { return mBase.getPackageName(); }
    @Override public PackageManager getPackageManager() { return mBase.getPackageManager(); }
    @Override public Context createDeviceProtectedStorageContext() { return mBase.createDeviceProtectedStorageContext(); }
    @Override public SharedPreferences getSharedPreferences(String name, int mode) { return mBase.getSharedPreferences(name, mode); }
}
