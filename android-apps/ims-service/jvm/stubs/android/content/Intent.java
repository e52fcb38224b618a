package android.content;

import android.os.Bundle;

/** JVM stand-in: an action and typed extras. */
public class Intent {
    private final String mAction;
    private final Bundle mExtras = new Bundle();
    public Intent(String action) { mAction = action; }
    public String getAction() { return mAction; }
    public Intent putExtra(String name, String value) { mExtras.putString(name, value); return this; }
    public Intent putExtra(String name, boolean value) { mExtras.putBoolean(name, value); return this; }
    public String getStringExtra(String name) { return mExtras.getString(name); }
    public boolean getBooleanExtra(String name, boolean defaultValue) { return mExtras.getBoolean(name, defaultValue); }
}
