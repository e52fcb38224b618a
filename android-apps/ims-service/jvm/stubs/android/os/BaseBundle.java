package android.os;

import java.util.HashMap;
import java.util.Map;

/** JVM stand-in: getString is declared here, as on Android; a value of another type reads as null. */
public class BaseBundle {
    final Map<String, Object> mMap = new HashMap<>();
    public String getString(String key) {
        Object o = mMap.get(key);
        return o instanceof String ? (String) o : null;
    }
    public void putString(String key, String value) { mMap.put(key, value); }
    public boolean getBoolean(String key, boolean defaultValue) {
        Object o = mMap.get(key);
        return o instanceof Boolean ? (Boolean) o : defaultValue;
    }
    public void putBoolean(String key, boolean value) { mMap.put(key, value); }
}
