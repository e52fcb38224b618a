# ObserverCallback: one ImsStateCallback the observer registered, with what it was registered for.
# Every callback the framework delivers (on the app's main executor) becomes one log line
# (ObserverReceiver#log):
#
#   ev=<onAvailable|onUnavailable|onError> reg=<id>#<n> slot=<slot> sub=<subId> feature=<MMTEL|RCS> reason=<word|->
#
# onError comes from ImsStateCallback#binderDied: ImsMmTelManager/ImsRcsManager tie the callback to
# the telephony binder when it is registered (BinderCacheManager#listenOnBinder), so the death of
# the phone process reaches every callback the app has not unregistered.

.class public Lorg/imsrig/observer/ObserverCallback;
.super Landroid/telephony/ims/ImsStateCallback;
.source "ObserverCallback.smali"

.field public id:Ljava/lang/String;
.field public n:I
.field public slot:I
.field public sub:I
.field public feature:Ljava/lang/String;
# The manager it was registered through (one of the two), to unregister it again.
.field public mmtel:Landroid/telephony/ims/ImsMmTelManager;
.field public rcs:Landroid/telephony/ims/ImsRcsManager;


# (id, n, slot, sub); the feature is set by the caller (a sixth argument would need invoke/range).
.method public constructor <init>(Ljava/lang/String;III)V
    .locals 0
    invoke-direct {p0}, Landroid/telephony/ims/ImsStateCallback;-><init>()V
    iput-object p1, p0, Lorg/imsrig/observer/ObserverCallback;->id:Ljava/lang/String;
    iput p2, p0, Lorg/imsrig/observer/ObserverCallback;->n:I
    iput p3, p0, Lorg/imsrig/observer/ObserverCallback;->slot:I
    iput p4, p0, Lorg/imsrig/observer/ObserverCallback;->sub:I
    return-void
.end method


.method public onAvailable()V
    .locals 2
    const-string v0, "onAvailable"
    const-string v1, "-"
    invoke-static {v0, p0, v1}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    return-void
.end method


.method public onUnavailable(I)V
    .locals 2
    const-string v0, "onUnavailable"
    invoke-static {p1}, Lorg/imsrig/observer/ObserverCallback;->reasonName(I)Ljava/lang/String;
    move-result-object v1
    invoke-static {v0, p0, v1}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    return-void
.end method


.method public onError()V
    .locals 2
    const-string v0, "onError"
    const-string v1, "-"
    invoke-static {v0, p0, v1}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    return-void
.end method


# ImsStateCallback.REASON_* (1..6) by the words ImsStateCallbackController#imsStateReasonToString
# prints in dumpsys phone; any other value as its decimal number.
.method public static reasonName(I)Ljava/lang/String;
    .locals 1
    packed-switch p0, :names
    invoke-static {p0}, Ljava/lang/Integer;->toString(I)Ljava/lang/String;
    move-result-object v0
    return-object v0
    :r1
    const-string v0, "UNKNOWN_TEMPORARY_ERROR"
    return-object v0
    :r2
    const-string v0, "UNKNOWN_PERMANENT_ERROR"
    return-object v0
    :r3
    const-string v0, "IMS_SERVICE_DISCONNECTED"
    return-object v0
    :r4
    const-string v0, "NO_IMS_SERVICE_CONFIGURED"
    return-object v0
    :r5
    const-string v0, "SUBSCRIPTION_INACTIVE"
    return-object v0
    :r6
    const-string v0, "IMS_SERVICE_NOT_READY"
    return-object v0
    :names
    .packed-switch 0x1
        :r1
        :r2
        :r3
        :r4
        :r5
        :r6
    .end packed-switch
.end method
