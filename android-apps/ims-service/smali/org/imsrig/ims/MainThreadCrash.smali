# MainThreadCrash: posted to the main looper by RigImsService for `crash-on-bind`. Its uncaught
# exception is an app crash as ActivityManager sees one (RuntimeInit's handler reports it and
# the process dies), not a quiet exit.

.class final Lorg/imsrig/ims/MainThreadCrash;
.super Ljava/lang/Object;
.source "MainThreadCrash.smali"

.implements Ljava/lang/Runnable;


.field private final reason:Ljava/lang/String;


.method constructor <init>(Ljava/lang/String;)V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    iput-object p1, p0, Lorg/imsrig/ims/MainThreadCrash;->reason:Ljava/lang/String;
    return-void
.end method


.method public run()V
    .locals 2
    new-instance v0, Ljava/lang/RuntimeException;
    iget-object v1, p0, Lorg/imsrig/ims/MainThreadCrash;->reason:Ljava/lang/String;
    invoke-direct {v0, v1}, Ljava/lang/RuntimeException;-><init>(Ljava/lang/String;)V
    throw v0
.end method
