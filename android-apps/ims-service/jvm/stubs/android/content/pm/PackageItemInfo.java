package android.content.pm;

import android.os.Bundle;

/** JVM stand-in: metaData is declared here, as on Android (ServiceInfo inherits it). */
public class PackageItemInfo {
    public String name;
    public String packageName;
    public Bundle metaData;
}
