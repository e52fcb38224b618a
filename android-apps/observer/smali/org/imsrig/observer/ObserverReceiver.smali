# ObserverReceiver: the observer app's control channel and its registrations (contract:
# harness/model/observer-app.ts). The manifest protects it with android.permission.DUMP, which the
# shell uid holds and apps do not, so only adb reaches it:
#
#   am broadcast --include-stopped-packages -n org.imsrig.observer/org.imsrig.observer.ObserverReceiver \
#       -a org.imsrig.CONTROL --es op register --es id <id> --ei slot <slot> --es feature MMTEL|RCS
#   ... --es op unregister --es id <id>
#   ... --es op reregister --es id <id>      (unregister the current callback, register a new one)
#   ... --es op reset                        (unregister every callback, number from 1 again)
#
# register: SubscriptionManager#getSubscriptionIds(slot)[0], then ImsManager#getImsMmTelManager /
# getImsRcsManager for it and registerImsStateCallback(main executor, new ObserverCallback). Each
# registration of an id gets the next number n (from 1; the statics die with the process). The
# outcome is the broadcast's result data (`Broadcast completed: result=0, data="…"`):
#   registered <id>#<n> sub=<sub> | failed <id>#<n> sub=<sub> <ImsException:code|ExceptionName>
#   unregistered <id>#<n> | reset <count> | unknown <id> | bad-request op|id|slot|feature
# and every event is one ImsRigObserver log line (ObserverReceiver#log).

.class public Lorg/imsrig/observer/ObserverReceiver;
.super Landroid/content/BroadcastReceiver;
.source "ObserverReceiver.smali"

# id -> ObserverCallback (the current registration of the id, failed ones included).
.field static final REGS:Ljava/util/HashMap;
# id -> Integer (how many registrations the id had in this process).
.field static final COUNTERS:Ljava/util/HashMap;


.method static constructor <clinit>()V
    .locals 1
    new-instance v0, Ljava/util/HashMap;
    invoke-direct {v0}, Ljava/util/HashMap;-><init>()V
    sput-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    new-instance v0, Ljava/util/HashMap;
    invoke-direct {v0}, Ljava/util/HashMap;-><init>()V
    sput-object v0, Lorg/imsrig/observer/ObserverReceiver;->COUNTERS:Ljava/util/HashMap;
    return-void
.end method


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/content/BroadcastReceiver;-><init>()V
    return-void
.end method


.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .locals 5

    const-string v0, "op"
    invoke-virtual {p2, v0}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    const-string v1, "id"
    invoke-virtual {p2, v1}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v1
    if-eqz v0, :bad_op
    const-string v2, "reset"
    invoke-virtual {v2, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v2
    if-nez v2, :reset
    if-eqz v1, :bad_id
    # The id travels back in log lines and result data: the contract's grammar only.
    const-string v2, "[a-z][a-z0-9-]{0,23}"
    invoke-virtual {v1, v2}, Ljava/lang/String;->matches(Ljava/lang/String;)Z
    move-result v2
    if-eqz v2, :bad_id

    const-string v2, "register"
    invoke-virtual {v2, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v2
    if-nez v2, :register
    const-string v2, "unregister"
    invoke-virtual {v2, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v2
    if-nez v2, :unregister
    const-string v2, "reregister"
    invoke-virtual {v2, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v2
    if-nez v2, :reregister

    :bad_op
    const-string v2, "bad-request op"
    goto :reply

    :bad_id
    const-string v2, "bad-request id"
    goto :reply

    :register
    const-string v2, "slot"
    invoke-virtual {p2, v2}, Landroid/content/Intent;->hasExtra(Ljava/lang/String;)Z
    move-result v3
    if-eqz v3, :bad_slot
    const/4 v3, -0x1
    invoke-virtual {p2, v2, v3}, Landroid/content/Intent;->getIntExtra(Ljava/lang/String;I)I
    move-result v3
    const-string v2, "feature"
    invoke-virtual {p2, v2}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v2
    const-string v4, "MMTEL"
    invoke-virtual {v4, v2}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v4
    if-nez v4, :feature_ok
    const-string v4, "RCS"
    invoke-virtual {v4, v2}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v4
    if-nez v4, :feature_ok
    const-string v2, "bad-request feature"
    goto :reply

    :feature_ok
    invoke-static {p1, v1, v3, v2}, Lorg/imsrig/observer/ObserverReceiver;->register(Landroid/content/Context;Ljava/lang/String;ILjava/lang/String;)Ljava/lang/String;
    move-result-object v2
    goto :reply

    :bad_slot
    const-string v2, "bad-request slot"
    goto :reply

    :unregister
    invoke-static {v1}, Lorg/imsrig/observer/ObserverReceiver;->unregister(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v2
    goto :reply

    :reregister
    invoke-static {p1, v1}, Lorg/imsrig/observer/ObserverReceiver;->reregister(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v2
    goto :reply

    :reset
    invoke-static {}, Lorg/imsrig/observer/ObserverReceiver;->reset()Ljava/lang/String;
    move-result-object v2

    :reply
    invoke-virtual {p0, v2}, Landroid/content/BroadcastReceiver;->setResultData(Ljava/lang/String;)V
    return-void
.end method


# A new registration of `id` (a current one is unregistered first). Returns the outcome words.
.method static register(Landroid/content/Context;Ljava/lang/String;ILjava/lang/String;)Ljava/lang/String;
    .locals 6

    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    invoke-virtual {v0, p1}, Ljava/util/HashMap;->containsKey(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :fresh
    invoke-static {p1}, Lorg/imsrig/observer/ObserverReceiver;->unregister(Ljava/lang/String;)Ljava/lang/String;

    :fresh
    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->COUNTERS:Ljava/util/HashMap;
    invoke-virtual {v0, p1}, Ljava/util/HashMap;->get(Ljava/lang/Object;)Ljava/lang/Object;
    move-result-object v1
    const/4 v2, 0x0
    if-eqz v1, :first
    check-cast v1, Ljava/lang/Integer;
    invoke-virtual {v1}, Ljava/lang/Integer;->intValue()I
    move-result v2
    :first
    add-int/lit8 v2, v2, 0x1
    invoke-static {v2}, Ljava/lang/Integer;->valueOf(I)Ljava/lang/Integer;
    move-result-object v1
    invoke-virtual {v0, p1, v1}, Ljava/util/HashMap;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;

    # The slot's subscription (-1 without one: getImsMmTelManager refuses it below), through
    # getSubscriptionIds(slot) (API 29; getSubscriptionId(slot) is API 34 and the app runs on 33).
    const-class v0, Landroid/telephony/SubscriptionManager;
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/Class;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/SubscriptionManager;
    invoke-virtual {v0, p2}, Landroid/telephony/SubscriptionManager;->getSubscriptionIds(I)[I
    move-result-object v0
    const/4 v3, -0x1
    if-eqz v0, :no_sub
    array-length v5, v0
    if-eqz v5, :no_sub
    const/4 v5, 0x0
    aget v3, v0, v5
    :no_sub
    new-instance v4, Lorg/imsrig/observer/ObserverCallback;
    invoke-direct {v4, p1, v2, p2, v3}, Lorg/imsrig/observer/ObserverCallback;-><init>(Ljava/lang/String;III)V
    iput-object p3, v4, Lorg/imsrig/observer/ObserverCallback;->feature:Ljava/lang/String;

    :try_start
    const-class v0, Landroid/telephony/ims/ImsManager;
    invoke-virtual {p0, v0}, Landroid/content/Context;->getSystemService(Ljava/lang/Class;)Ljava/lang/Object;
    move-result-object v0
    check-cast v0, Landroid/telephony/ims/ImsManager;
    invoke-virtual {p0}, Landroid/content/Context;->getMainExecutor()Ljava/util/concurrent/Executor;
    move-result-object v1
    const-string v5, "MMTEL"
    invoke-virtual {v5, p3}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v5
    if-eqz v5, :rcs
    invoke-virtual {v0, v3}, Landroid/telephony/ims/ImsManager;->getImsMmTelManager(I)Landroid/telephony/ims/ImsMmTelManager;
    move-result-object v0
    iput-object v0, v4, Lorg/imsrig/observer/ObserverCallback;->mmtel:Landroid/telephony/ims/ImsMmTelManager;
    invoke-virtual {v0, v1, v4}, Landroid/telephony/ims/ImsMmTelManager;->registerImsStateCallback(Ljava/util/concurrent/Executor;Landroid/telephony/ims/ImsStateCallback;)V
    goto :registered
    :rcs
    invoke-virtual {v0, v3}, Landroid/telephony/ims/ImsManager;->getImsRcsManager(I)Landroid/telephony/ims/ImsRcsManager;
    move-result-object v0
    iput-object v0, v4, Lorg/imsrig/observer/ObserverCallback;->rcs:Landroid/telephony/ims/ImsRcsManager;
    invoke-virtual {v0, v1, v4}, Landroid/telephony/ims/ImsRcsManager;->registerImsStateCallback(Ljava/util/concurrent/Executor;Landroid/telephony/ims/ImsStateCallback;)V
    :try_end
    .catch Landroid/telephony/ims/ImsException; {:try_start .. :try_end} :catch_ims
    .catch Ljava/lang/RuntimeException; {:try_start .. :try_end} :catch_runtime

    :registered
    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    invoke-virtual {v0, p1, v4}, Ljava/util/HashMap;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    const-string v0, "register"
    const-string v1, "-"
    invoke-static {v0, v4, v1}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    const-string v1, "registered "
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-static {v4}, Lorg/imsrig/observer/ObserverReceiver;->label(Lorg/imsrig/observer/ObserverCallback;)Ljava/lang/String;
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, " sub="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0, v3}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0

    :catch_ims
    move-exception v0
    check-cast v0, Landroid/telephony/ims/ImsException;
    invoke-virtual {v0}, Landroid/telephony/ims/ImsException;->getCode()I
    move-result v0
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "ImsException:"
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1, v0}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1
    invoke-static {v4, v1}, Lorg/imsrig/observer/ObserverReceiver;->failed(Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0

    :catch_runtime
    # IllegalArgumentException (an invalid subscription), SecurityException (no permission), …
    move-exception v0
    invoke-virtual {v0}, Ljava/lang/Object;->getClass()Ljava/lang/Class;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/Class;->getSimpleName()Ljava/lang/String;
    move-result-object v1
    invoke-static {v4, v1}, Lorg/imsrig/observer/ObserverReceiver;->failed(Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# A registration that threw stays the id's current one (it may still be unregistered).
.method static failed(Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)Ljava/lang/String;
    .locals 3
    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    iget-object v1, p0, Lorg/imsrig/observer/ObserverCallback;->id:Ljava/lang/String;
    invoke-virtual {v0, v1, p0}, Ljava/util/HashMap;->put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;
    const-string v0, "register-failed"
    invoke-static {v0, p0, p1}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    const-string v1, "failed "
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-static {p0}, Lorg/imsrig/observer/ObserverReceiver;->label(Lorg/imsrig/observer/ObserverCallback;)Ljava/lang/String;
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, " sub="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    iget v2, p0, Lorg/imsrig/observer/ObserverCallback;->sub:I
    invoke-virtual {v0, v2}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    const-string v1, " "
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0, p1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# Unregisters the id's current callback (through the manager it was registered with, if any).
.method static unregister(Ljava/lang/String;)Ljava/lang/String;
    .locals 3
    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    invoke-virtual {v0, p0}, Ljava/util/HashMap;->remove(Ljava/lang/Object;)Ljava/lang/Object;
    move-result-object v0
    if-nez v0, :found
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "unknown "
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1, p0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1
    return-object v1

    :found
    check-cast v0, Lorg/imsrig/observer/ObserverCallback;
    iget-object v1, v0, Lorg/imsrig/observer/ObserverCallback;->mmtel:Landroid/telephony/ims/ImsMmTelManager;
    if-eqz v1, :no_mmtel
    invoke-virtual {v1, v0}, Landroid/telephony/ims/ImsMmTelManager;->unregisterImsStateCallback(Landroid/telephony/ims/ImsStateCallback;)V
    :no_mmtel
    iget-object v1, v0, Lorg/imsrig/observer/ObserverCallback;->rcs:Landroid/telephony/ims/ImsRcsManager;
    if-eqz v1, :no_rcs
    invoke-virtual {v1, v0}, Landroid/telephony/ims/ImsRcsManager;->unregisterImsStateCallback(Landroid/telephony/ims/ImsStateCallback;)V
    :no_rcs
    const-string v1, "unregister"
    const-string v2, "-"
    invoke-static {v1, v0, v2}, Lorg/imsrig/observer/ObserverReceiver;->log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    new-instance v1, Ljava/lang/StringBuilder;
    invoke-direct {v1}, Ljava/lang/StringBuilder;-><init>()V
    const-string v2, "unregistered "
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-static {v0}, Lorg/imsrig/observer/ObserverReceiver;->label(Lorg/imsrig/observer/ObserverCallback;)Ljava/lang/String;
    move-result-object v2
    invoke-virtual {v1, v2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v1}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v1
    return-object v1
.end method


# Unregisters the id's callback and registers a new one for the same slot and feature.
.method static reregister(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .locals 3
    sget-object v0, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    invoke-virtual {v0, p1}, Ljava/util/HashMap;->get(Ljava/lang/Object;)Ljava/lang/Object;
    move-result-object v0
    if-nez v0, :found
    invoke-static {p1}, Lorg/imsrig/observer/ObserverReceiver;->unregister(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
    :found
    check-cast v0, Lorg/imsrig/observer/ObserverCallback;
    iget v1, v0, Lorg/imsrig/observer/ObserverCallback;->slot:I
    iget-object v2, v0, Lorg/imsrig/observer/ObserverCallback;->feature:Ljava/lang/String;
    invoke-static {p1}, Lorg/imsrig/observer/ObserverReceiver;->unregister(Ljava/lang/String;)Ljava/lang/String;
    invoke-static {p0, p1, v1, v2}, Lorg/imsrig/observer/ObserverReceiver;->register(Landroid/content/Context;Ljava/lang/String;ILjava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# Unregisters every registration (in the order of their ids) and forgets the numbering, as a new
# process would: what the rig does before a scenario when the app stayed from an earlier one.
.method static reset()Ljava/lang/String;
    .locals 5
    new-instance v0, Ljava/util/ArrayList;
    sget-object v1, Lorg/imsrig/observer/ObserverReceiver;->REGS:Ljava/util/HashMap;
    invoke-virtual {v1}, Ljava/util/HashMap;->keySet()Ljava/util/Set;
    move-result-object v1
    invoke-direct {v0, v1}, Ljava/util/ArrayList;-><init>(Ljava/util/Collection;)V
    invoke-static {v0}, Ljava/util/Collections;->sort(Ljava/util/List;)V
    invoke-virtual {v0}, Ljava/util/ArrayList;->size()I
    move-result v1
    const/4 v2, 0x0
    :next
    if-ge v2, v1, :done
    invoke-virtual {v0, v2}, Ljava/util/ArrayList;->get(I)Ljava/lang/Object;
    move-result-object v3
    check-cast v3, Ljava/lang/String;
    invoke-static {v3}, Lorg/imsrig/observer/ObserverReceiver;->unregister(Ljava/lang/String;)Ljava/lang/String;
    add-int/lit8 v2, v2, 0x1
    goto :next
    :done
    sget-object v3, Lorg/imsrig/observer/ObserverReceiver;->COUNTERS:Ljava/util/HashMap;
    invoke-virtual {v3}, Ljava/util/HashMap;->clear()V
    new-instance v3, Ljava/lang/StringBuilder;
    invoke-direct {v3}, Ljava/lang/StringBuilder;-><init>()V
    const-string v4, "reset "
    invoke-virtual {v3, v4}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v3, v1}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    invoke-virtual {v3}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v3
    return-object v3
.end method


# `<id>#<n>`
.method static label(Lorg/imsrig/observer/ObserverCallback;)Ljava/lang/String;
    .locals 2
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    iget-object v1, p0, Lorg/imsrig/observer/ObserverCallback;->id:Ljava/lang/String;
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, "#"
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    iget v1, p0, Lorg/imsrig/observer/ObserverCallback;->n:I
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# One log line, tag ImsRigObserver:
#   ev=<event> reg=<id>#<n> slot=<slot> sub=<sub> feature=<MMTEL|RCS> reason=<reason>
.method public static log(Ljava/lang/String;Lorg/imsrig/observer/ObserverCallback;Ljava/lang/String;)V
    .locals 3
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0}, Ljava/lang/StringBuilder;-><init>()V
    const-string v1, "ev="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0, p0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, " reg="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-static {p1}, Lorg/imsrig/observer/ObserverReceiver;->label(Lorg/imsrig/observer/ObserverCallback;)Ljava/lang/String;
    move-result-object v1
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, " slot="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    iget v2, p1, Lorg/imsrig/observer/ObserverCallback;->slot:I
    invoke-virtual {v0, v2}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    const-string v1, " sub="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    iget v2, p1, Lorg/imsrig/observer/ObserverCallback;->sub:I
    invoke-virtual {v0, v2}, Ljava/lang/StringBuilder;->append(I)Ljava/lang/StringBuilder;
    const-string v1, " feature="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    iget-object v1, p1, Lorg/imsrig/observer/ObserverCallback;->feature:Ljava/lang/String;
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, " reason="
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0, p2}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "ImsRigObserver"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method
