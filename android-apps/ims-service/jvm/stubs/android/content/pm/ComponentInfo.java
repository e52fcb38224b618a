package android.content.pm;

/** JVM stand-in. */
public class ComponentInfo extends PackageItemInfo {}
