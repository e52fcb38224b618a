package android.content;

/** JVM stand-in with Android's equality semantics. */
public final class ComponentName {
    private final String mPackage;
    private final String mClass;
    public ComponentName(String pkg, String cls) { mPackage = pkg; mClass = cls; }
    public ComponentName(Context pkg, Class<?> cls) { this(pkg.getPackageName(), cls.getName()); }
    public String flattenToShortString() { return mPackage + "/" + mClass; }
    @Override public boolean equals(Object o) {
        return o instanceof ComponentName && ((ComponentName) o).mPackage.equals(mPackage) && ((ComponentName) o).mClass.equals(mClass);
    }
    @Override public int hashCode() { return mPackage.hashCode() * 31 + mClass.hashCode(); }
}
