package android.content;

/** JVM stand-in of the interface (the members the DEX calls). */
public interface SharedPreferences {
    interface Editor {
        Editor putString(String key, String value);
        boolean commit();
    }
    String getString(String key, String defValue);
    Editor edit();
}
