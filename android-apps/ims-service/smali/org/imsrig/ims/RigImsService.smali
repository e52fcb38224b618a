# RigImsService: the rig's ImsService. Everything it does comes from the <meta-data> of its own
# <service> element (read through PackageManager, so a scenario APK that renames the package
# still reads its own) and from ControlReceiver:
#
#   ims-rig.answers        what querySupportedImsFeatures() answers (Answers.smali grammar)
#   ims-rig.behaviour      normal | null-binding | query-error | crash-on-bind
#   ims-rig.feature-state  READY (default) | INITIALIZING | UNAVAILABLE: the state every
#                          MmTelFeature/RcsFeature it creates is put in (setFeatureState)
#
# State that lives in memory and dies with the process: the answers and feature state set by
# the control broadcast. State that outlives the process: the behaviour set by the control
# broadcast (device-protected SharedPreferences "ims-rig", key "behaviour"): a behaviour stands
# for the code the app runs, so a crash after it must come back with it; uninstalling (or
# `pm clear`) removes it.
#
# Facts from AOSP frameworks/base telephony/java/android/telephony/ims/ImsService.java that
# decide what is overridden here (API 30-35):
#  - onBind(Intent) is not final; it returns the IImsServiceController binder only for the
#    action "android.telephony.ims.ImsService" (SERVICE_INTERFACE), else null. A null binder is
#    onNullBinding in the framework: ImsResolver gives the package up (a permanent error).
#  - querySupportedImsFeatures(), readyForFeatureCreation(), createMmTelFeature(int) and
#    createRcsFeature(int) are public, overridable @SystemApi methods. API 31+ calls
#    createMmTelFeatureForSubscription / createRcsFeatureForSubscription, whose default
#    implementations call createMmTelFeature(slot) / createRcsFeature(slot); API 34+
#    createEmergencyOnlyMmTelFeature(slot) defaults to createMmTelFeature(slot) as well. So
#    overriding the two slot methods serves every release from 30 to 35.
#  - onUpdateSupportedImsFeatures(ImsFeatureConfiguration) is public final; it throws
#    IllegalStateException("Framework is not ready") until the framework's real bind has set
#    its listener (the short feature-query bind never does).
#  - On API 34+ the binder stub runs querySupportedImsFeatures() through
#    executeMethodAsyncForResult, which CATCHES any exception and returns null, and the
#    framework (ImsServiceFeatureQueryManager#queryImsFeatures) reads null as "no features".
#    A thrown exception therefore never reaches the framework as an error. What does is the
#    binder call failing: the process dying during the call (DeadObjectException, a
#    RemoteException) makes the query manager report onError and ImsResolver retry in 5 s.
#    So `query-error` kills its own process inside querySupportedImsFeatures.
#
# Framework members referenced (all public SDK or @SystemApi): see README.md "Framework
# members"; re-check that list whenever this file grows.

.class public Lorg/imsrig/ims/RigImsService;
.super Landroid/telephony/ims/ImsService;
.source "RigImsService.smali"


.field static final TAG:Ljava/lang/String; = "ImsRig"

# Live service instances of this process (onCreate .. onDestroy), for the control broadcast.
.field static final LIVE:Ljava/util/concurrent/CopyOnWriteArrayList;

# Every ImsFeature created in this process, for the control broadcast's feature-state.
.field static final FEATURES:Ljava/util/concurrent/CopyOnWriteArrayList;

# Answers set by the control broadcast (null: the manifest's).
.field static volatile sAnswers:Ljava/lang/String;

# Feature state set by the control broadcast (-1: the manifest's).
.field static volatile sFeatureState:I


.method static constructor <clinit>()V
    .locals 1
    new-instance v0, Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-direct {v0}, Ljava/util/concurrent/CopyOnWriteArrayList;-><init>()V
    sput-object v0, Lorg/imsrig/ims/RigImsService;->LIVE:Ljava/util/concurrent/CopyOnWriteArrayList;
    new-instance v0, Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-direct {v0}, Ljava/util/concurrent/CopyOnWriteArrayList;-><init>()V
    sput-object v0, Lorg/imsrig/ims/RigImsService;->FEATURES:Ljava/util/concurrent/CopyOnWriteArrayList;
    const/4 v0, -0x1
    sput v0, Lorg/imsrig/ims/RigImsService;->sFeatureState:I
    return-void
.end method


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/telephony/ims/ImsService;-><init>()V
    return-void
.end method


# static void log(String what, Object detail): Log.i("ImsRig", what + detail)
.method static log(Ljava/lang/String;Ljava/lang/Object;)V
    .locals 2
    new-instance v0, Ljava/lang/StringBuilder;
    invoke-direct {v0, p0}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, p1}, Ljava/lang/StringBuilder;->append(Ljava/lang/Object;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    const-string v1, "ImsRig"
    invoke-static {v1, v0}, Landroid/util/Log;->i(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method


# Service.onCreate/onDestroy/onBind are called through android.app.Service, where the public
# SDK declares them, so the member ART resolves is an SDK one.
.method public onCreate()V
    .locals 2
    invoke-super {p0}, Landroid/app/Service;->onCreate()V
    sget-object v0, Lorg/imsrig/ims/RigImsService;->LIVE:Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-virtual {v0, p0}, Ljava/util/concurrent/CopyOnWriteArrayList;->add(Ljava/lang/Object;)Z
    const-string v0, "onCreate "
    invoke-virtual {p0}, Ljava/lang/Object;->getClass()Ljava/lang/Class;
    move-result-object v1
    invoke-virtual {v1}, Ljava/lang/Class;->getName()Ljava/lang/String;
    move-result-object v1
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    return-void
.end method


.method public onDestroy()V
    .locals 2
    sget-object v0, Lorg/imsrig/ims/RigImsService;->LIVE:Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-virtual {v0, p0}, Ljava/util/concurrent/CopyOnWriteArrayList;->remove(Ljava/lang/Object;)Z
    const-string v0, "onDestroy "
    invoke-virtual {p0}, Ljava/lang/Object;->getClass()Ljava/lang/Class;
    move-result-object v1
    invoke-virtual {v1}, Ljava/lang/Class;->getName()Ljava/lang/String;
    move-result-object v1
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    invoke-super {p0}, Landroid/app/Service;->onDestroy()V
    return-void
.end method


# String meta(String key): getPackageManager().getServiceInfo(new ComponentName(this,
# getClass()), PackageManager.GET_META_DATA).metaData.getString(key); null when absent, not a
# string (Bundle#getString answers null for another type) or unreadable.
.method meta(Ljava/lang/String;)Ljava/lang/String;
    .locals 3
    :try_start
    invoke-virtual {p0}, Landroid/content/Context;->getPackageManager()Landroid/content/pm/PackageManager;
    move-result-object v0
    new-instance v1, Landroid/content/ComponentName;
    invoke-virtual {p0}, Ljava/lang/Object;->getClass()Ljava/lang/Class;
    move-result-object v2
    invoke-direct {v1, p0, v2}, Landroid/content/ComponentName;-><init>(Landroid/content/Context;Ljava/lang/Class;)V
    const/16 v2, 0x80              # PackageManager.GET_META_DATA
    invoke-virtual {v0, v1, v2}, Landroid/content/pm/PackageManager;->getServiceInfo(Landroid/content/ComponentName;I)Landroid/content/pm/ServiceInfo;
    move-result-object v0
    iget-object v0, v0, Landroid/content/pm/ServiceInfo;->metaData:Landroid/os/Bundle;
    if-eqz v0, :absent
    invoke-virtual {v0, p1}, Landroid/os/Bundle;->getString(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    :try_end
    .catch Ljava/lang/Exception; {:try_start .. :try_end} :failed
    return-object v0

    :absent
    const/4 v0, 0x0
    return-object v0

    :failed
    move-exception v0
    const-string v1, "meta-data unreadable: "
    invoke-static {v1, v0}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    const/4 v0, 0x0
    return-object v0
.end method


# static SharedPreferences prefs(Context c): device-protected storage, so it is readable before
# the first unlock (the service is directBootAware).
.method static prefs(Landroid/content/Context;)Landroid/content/SharedPreferences;
    .locals 3
    invoke-virtual {p0}, Landroid/content/Context;->createDeviceProtectedStorageContext()Landroid/content/Context;
    move-result-object v0
    const-string v1, "ims-rig"
    const/4 v2, 0x0                # Context.MODE_PRIVATE
    invoke-virtual {v0, v1, v2}, Landroid/content/Context;->getSharedPreferences(Ljava/lang/String;I)Landroid/content/SharedPreferences;
    move-result-object v0
    return-object v0
.end method


# String behaviour(): the control broadcast's stored behaviour, else ims-rig.behaviour, else
# "normal". An unknown manifest value behaves as normal (nothing matches it).
.method behaviour()Ljava/lang/String;
    .locals 3
    :try_start
    invoke-static {p0}, Lorg/imsrig/ims/RigImsService;->prefs(Landroid/content/Context;)Landroid/content/SharedPreferences;
    move-result-object v0
    const-string v1, "behaviour"
    const/4 v2, 0x0
    invoke-interface {v0, v1, v2}, Landroid/content/SharedPreferences;->getString(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    :try_end
    .catch Ljava/lang/Exception; {:try_start .. :try_end} :unreadable
    if-eqz v0, :from_manifest
    return-object v0

    :unreadable
    move-exception v0
    const-string v1, "stored behaviour unreadable: "
    invoke-static {v1, v0}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V

    :from_manifest
    const-string v0, "ims-rig.behaviour"
    invoke-virtual {p0, v0}, Lorg/imsrig/ims/RigImsService;->meta(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-nez v0, :done
    const-string v0, "normal"
    :done
    return-object v0
.end method


# static int stateId(String name): ImsFeature.STATE_UNAVAILABLE 0, STATE_INITIALIZING 1,
# STATE_READY 2; -1 for anything else (null included).
.method static stateId(Ljava/lang/String;)I
    .locals 1
    const-string v0, "READY"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_ready
    const/4 v0, 0x2
    return v0

    :not_ready
    const-string v0, "INITIALIZING"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_initializing
    const/4 v0, 0x1
    return v0

    :not_initializing
    const-string v0, "UNAVAILABLE"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :unknown
    const/4 v0, 0x0
    return v0

    :unknown
    const/4 v0, -0x1
    return v0
.end method


# int featureState(): the control broadcast's state, else ims-rig.feature-state, else READY
# (an unknown manifest value counts as READY too).
.method featureState()I
    .locals 1
    sget v0, Lorg/imsrig/ims/RigImsService;->sFeatureState:I
    if-ltz v0, :from_manifest
    return v0

    :from_manifest
    const-string v0, "ims-rig.feature-state"
    invoke-virtual {p0, v0}, Lorg/imsrig/ims/RigImsService;->meta(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lorg/imsrig/ims/RigImsService;->stateId(Ljava/lang/String;)I
    move-result v0
    if-gez v0, :done
    const/4 v0, 0x2                 # ImsFeature.STATE_READY
    :done
    return v0
.end method


# IBinder onBind(Intent): null for `null-binding`, else ImsService's own onBind.
.method public onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    .locals 2
    invoke-virtual {p0}, Lorg/imsrig/ims/RigImsService;->behaviour()Ljava/lang/String;
    move-result-object v0
    const-string v1, "null-binding"
    invoke-virtual {v1, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v1
    if-eqz v1, :bind
    const-string v0, "onBind -> null: ims-rig.behaviour=null-binding"
    const-string v1, ""
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    const/4 v0, 0x0
    return-object v0

    :bind
    invoke-super {p0, p1}, Landroid/app/Service;->onBind(Landroid/content/Intent;)Landroid/os/IBinder;
    move-result-object v0
    return-object v0
.end method


.method public querySupportedImsFeatures()Landroid/telephony/ims/stub/ImsFeatureConfiguration;
    .locals 3
    invoke-virtual {p0}, Lorg/imsrig/ims/RigImsService;->behaviour()Ljava/lang/String;
    move-result-object v0
    const-string v1, "query-error"
    invoke-virtual {v1, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v1
    if-eqz v1, :answer
    # The framework's binder call must fail (see the header): die inside it.
    const-string v0, "querySupportedImsFeatures: ims-rig.behaviour=query-error, killing own process"
    const-string v1, ""
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    invoke-static {}, Landroid/os/Process;->myPid()I
    move-result v0
    invoke-static {v0}, Landroid/os/Process;->killProcess(I)V
    # Not reached on a device (SIGKILL); where killProcess returns, fail the call anyway.
    new-instance v0, Ljava/lang/IllegalStateException;
    const-string v1, "ims-rig.behaviour=query-error"
    invoke-direct {v0, v1}, Ljava/lang/IllegalStateException;-><init>(Ljava/lang/String;)V
    throw v0

    :answer
    sget-object v0, Lorg/imsrig/ims/RigImsService;->sAnswers:Ljava/lang/String;
    if-nez v0, :parse
    const-string v0, "ims-rig.answers"
    invoke-virtual {p0, v0}, Lorg/imsrig/ims/RigImsService;->meta(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    :parse
    const-string v1, "querySupportedImsFeatures answers="
    invoke-static {v1, v0}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    invoke-static {v0}, Lorg/imsrig/ims/Answers;->parse(Ljava/lang/String;)Landroid/telephony/ims/stub/ImsFeatureConfiguration;
    move-result-object v0
    return-object v0
.end method


# readyForFeatureCreation(): called once the framework's real bind has set its listener
# (ImsServiceController#notifyImsServiceReady, never on the feature-query bind). For
# `crash-on-bind` the app crashes on its main thread: an uncaught exception, as a buggy
# ImsService would, once this binder call has returned.
.method public readyForFeatureCreation()V
    .locals 3
    invoke-virtual {p0}, Lorg/imsrig/ims/RigImsService;->behaviour()Ljava/lang/String;
    move-result-object v0
    const-string v1, "crash-on-bind"
    invoke-virtual {v1, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v1
    if-eqz v1, :done
    const-string v0, "readyForFeatureCreation: ims-rig.behaviour=crash-on-bind, crashing the main thread"
    const-string v1, ""
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    new-instance v0, Landroid/os/Handler;
    invoke-static {}, Landroid/os/Looper;->getMainLooper()Landroid/os/Looper;
    move-result-object v1
    invoke-direct {v0, v1}, Landroid/os/Handler;-><init>(Landroid/os/Looper;)V
    new-instance v1, Lorg/imsrig/ims/MainThreadCrash;
    const-string v2, "ims-rig.behaviour=crash-on-bind"
    invoke-direct {v1, v2}, Lorg/imsrig/ims/MainThreadCrash;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, v1}, Landroid/os/Handler;->post(Ljava/lang/Runnable;)Z
    :done
    return-void
.end method


.method public createMmTelFeature(I)Landroid/telephony/ims/feature/MmTelFeature;
    .locals 3
    const-string v0, "createMmTelFeature slot="
    invoke-static {p1}, Ljava/lang/Integer;->valueOf(I)Ljava/lang/Integer;
    move-result-object v1
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    new-instance v0, Lorg/imsrig/ims/RigMmTelFeature;
    invoke-virtual {p0}, Lorg/imsrig/ims/RigImsService;->featureState()I
    move-result v1
    invoke-direct {v0, v1}, Lorg/imsrig/ims/RigMmTelFeature;-><init>(I)V
    return-object v0
.end method


.method public createRcsFeature(I)Landroid/telephony/ims/feature/RcsFeature;
    .locals 3
    const-string v0, "createRcsFeature slot="
    invoke-static {p1}, Ljava/lang/Integer;->valueOf(I)Ljava/lang/Integer;
    move-result-object v1
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    new-instance v0, Lorg/imsrig/ims/RigRcsFeature;
    invoke-virtual {p0}, Lorg/imsrig/ims/RigImsService;->featureState()I
    move-result v1
    invoke-direct {v0, v1}, Lorg/imsrig/ims/RigRcsFeature;-><init>(I)V
    return-object v0
.end method


# static void track(ImsFeature f): a feature was created in this process (RigMmTelFeature,
# RigRcsFeature constructors).
.method static track(Landroid/telephony/ims/feature/ImsFeature;)V
    .locals 1
    sget-object v0, Lorg/imsrig/ims/RigImsService;->FEATURES:Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-virtual {v0, p0}, Ljava/util/concurrent/CopyOnWriteArrayList;->add(Ljava/lang/Object;)Z
    return-void
.end method


# ---- control broadcast (ControlReceiver); each returns the outcome line ----

# static String applyAnswers(String value): a valid value replaces the answers until the process
# dies and every live instance tells the framework (onUpdateSupportedImsFeatures).
#   "updated"  at least one instance told the framework
#   "stored"   none could (not running, or the framework has not set its listener: the short
#              feature-query bind never does): the next querySupportedImsFeatures answers it
#   "error: <Answers message>"  rejected, nothing changed
.method static applyAnswers(Ljava/lang/String;)Ljava/lang/String;
    .locals 7
    invoke-static {p0}, Lorg/imsrig/ims/Answers;->check(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :valid
    const-string v1, "error: "
    invoke-virtual {v1, v0}, Ljava/lang/String;->concat(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    return-object v0

    :valid
    sput-object p0, Lorg/imsrig/ims/RigImsService;->sAnswers:Ljava/lang/String;
    invoke-static {p0}, Lorg/imsrig/ims/Answers;->parse(Ljava/lang/String;)Landroid/telephony/ims/stub/ImsFeatureConfiguration;
    move-result-object v0
    sget-object v1, Lorg/imsrig/ims/RigImsService;->LIVE:Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-virtual {v1}, Ljava/util/concurrent/CopyOnWriteArrayList;->toArray()[Ljava/lang/Object;
    move-result-object v1
    array-length v2, v1
    const/4 v3, 0x0                 # index
    const/4 v4, 0x0                 # told (boolean)

    :next
    if-ge v3, v2, :done
    aget-object v5, v1, v3
    add-int/lit8 v3, v3, 0x1
    check-cast v5, Landroid/telephony/ims/ImsService;
    :try_start
    invoke-virtual {v5, v0}, Landroid/telephony/ims/ImsService;->onUpdateSupportedImsFeatures(Landroid/telephony/ims/stub/ImsFeatureConfiguration;)V
    :try_end
    .catch Ljava/lang/Exception; {:try_start .. :try_end} :not_told
    const/4 v4, 0x1
    goto :next

    # IllegalStateException("Framework is not ready") or RemoteException
    :not_told
    move-exception v5
    const-string v6, "onUpdateSupportedImsFeatures not delivered: "
    invoke-static {v6, v5}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    goto :next

    :done
    if-eqz v4, :stored
    const-string v0, "updated"
    return-object v0
    :stored
    const-string v0, "stored"
    return-object v0
.end method


# static String applyBehaviour(Context c, String b): stores a known behaviour (it applies from
# the next bind or query on): "stored"; else "error: unknown behaviour ...".
.method static applyBehaviour(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    .locals 3
    const-string v0, "normal"
    invoke-virtual {v0, p1}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-nez v0, :known
    const-string v0, "null-binding"
    invoke-virtual {v0, p1}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-nez v0, :known
    const-string v0, "query-error"
    invoke-virtual {v0, p1}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-nez v0, :known
    const-string v0, "crash-on-bind"
    invoke-virtual {v0, p1}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-nez v0, :known
    new-instance v0, Ljava/lang/StringBuilder;
    const-string v1, "error: unknown behaviour \""
    invoke-direct {v0, v1}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, p1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, "\" (expected normal, null-binding, query-error or crash-on-bind)"
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0

    :known
    invoke-static {p0}, Lorg/imsrig/ims/RigImsService;->prefs(Landroid/content/Context;)Landroid/content/SharedPreferences;
    move-result-object v0
    invoke-interface {v0}, Landroid/content/SharedPreferences;->edit()Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    const-string v1, "behaviour"
    invoke-interface {v0, v1, p1}, Landroid/content/SharedPreferences$Editor;->putString(Ljava/lang/String;Ljava/lang/String;)Landroid/content/SharedPreferences$Editor;
    move-result-object v0
    # commit(), not apply(): written before the receiver returns, so a crash right after keeps it
    invoke-interface {v0}, Landroid/content/SharedPreferences$Editor;->commit()Z
    const-string v0, "stored"
    return-object v0
.end method


# static String applyFeatureState(String name): a known state applies to every feature created
# in this process from now on, and moves the ones that exist (setFeatureState):
# "updated" when there were some, "stored" when none; else "error: unknown feature state ...".
.method static applyFeatureState(Ljava/lang/String;)Ljava/lang/String;
    .locals 5
    invoke-static {p0}, Lorg/imsrig/ims/RigImsService;->stateId(Ljava/lang/String;)I
    move-result v0
    if-gez v0, :known
    new-instance v0, Ljava/lang/StringBuilder;
    const-string v1, "error: unknown feature state \""
    invoke-direct {v0, v1}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, p0}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, "\" (expected READY, INITIALIZING or UNAVAILABLE)"
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0

    :known
    sput v0, Lorg/imsrig/ims/RigImsService;->sFeatureState:I
    sget-object v1, Lorg/imsrig/ims/RigImsService;->FEATURES:Ljava/util/concurrent/CopyOnWriteArrayList;
    invoke-virtual {v1}, Ljava/util/concurrent/CopyOnWriteArrayList;->toArray()[Ljava/lang/Object;
    move-result-object v1
    array-length v2, v1
    const/4 v3, 0x0
    :next
    if-ge v3, v2, :done
    aget-object v4, v1, v3
    add-int/lit8 v3, v3, 0x1
    check-cast v4, Landroid/telephony/ims/feature/ImsFeature;
    invoke-virtual {v4, v0}, Landroid/telephony/ims/feature/ImsFeature;->setFeatureState(I)V
    goto :next

    :done
    if-eqz v2, :stored
    const-string v0, "updated"
    return-object v0
    :stored
    const-string v0, "stored"
    return-object v0
.end method
