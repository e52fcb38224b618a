package android.content.pm;

import android.content.ComponentName;
import java.util.HashMap;
import java.util.Map;

/** JVM stand-in: installed services by component; metaData only with GET_META_DATA, as on Android. */
public class PackageManager {
    public static final int GET_META_DATA = 0x00000080;

    public static class NameNotFoundException extends Exception {
        public NameNotFoundException(String name) { super(name); }
    }

    private final Map<ComponentName, ServiceInfo> mServices = new HashMap<>();
    public void installForTest(ComponentName cn, ServiceInfo si) { mServices.put(cn, si); }

    public ServiceInfo getServiceInfo(ComponentName component, int flags) throws NameNotFoundException {
        ServiceInfo si = mServices.get(component);
        if (si == null) throw new NameNotFoundException(component.flattenToShortString());
        ServiceInfo copy = new ServiceInfo();
        copy.name = si.name;
        copy.packageName = si.packageName;
        copy.permission = si.permission;
        copy.metaData = (flags & GET_META_DATA) != 0 ? si.metaData : null;
        return copy;
    }
}
