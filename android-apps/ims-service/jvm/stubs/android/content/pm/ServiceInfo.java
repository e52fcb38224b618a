package android.content.pm;

/** JVM stand-in. */
public class ServiceInfo extends ComponentInfo {
    public String permission;
}
