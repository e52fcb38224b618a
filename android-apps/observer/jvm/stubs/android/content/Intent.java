package android.content;

import java.util.HashMap;
import java.util.Map;

/** JVM stand-in: an action and extras (`am broadcast --es` strings, `--ei` ints), typed as on Android. */
public class Intent {
    private final String mAction;
    private final Map<String, Object> mExtras = new HashMap<>();
    public Intent(String action) { mAction = action; }
    public String getAction() { return mAction; }
    public Intent putExtra(String name, String value) { mExtras.put(name, value); return this; }
    public Intent putExtra(String name, int value) { mExtras.put(name, value); return this; }
    public boolean hasExtra(String name) { return mExtras.containsKey(name); }
    /** As Bundle#getString: null when absent or not a String. */
    public String getStringExtra(String name) {
        Object v = mExtras.get(name);
        return v instanceof String ? (String) v : null;
    }
    /** As Bundle#getInt: the default when absent or not an int. */
    public int getIntExtra(String name, int defaultValue) {
        Object v = mExtras.get(name);
        return v instanceof Integer ? (Integer) v : defaultValue;
    }
}
