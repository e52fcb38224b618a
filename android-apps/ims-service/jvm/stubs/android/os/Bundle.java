package android.os;

/** JVM stand-in. */
public final class Bundle extends BaseBundle {
    public Bundle() {}
}
