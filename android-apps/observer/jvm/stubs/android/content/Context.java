package android.content;

import java.util.concurrent.Executor;

/** JVM stand-in for android.content.Context: the two members the observer calls. */
public abstract class Context {
    public abstract <T> T getSystemService(Class<T> serviceClass);
    public abstract Executor getMainExecutor();
}
