# ControlReceiver: the rig's control channel. The manifest protects it with
# android:permission="android.permission.DUMP", which the shell uid holds and apps do not, so
# only `adb shell am broadcast` reaches it:
#
#   am broadcast --include-stopped-packages -n <pkg>/org.imsrig.ims.ControlReceiver \
#       -a org.imsrig.CONTROL <one extra>
#
#   --ez crash true           "killed"   (sent before the process kills itself)
#   --es features <answers>   "updated" | "stored" | "error: <why>"  (RigImsService#applyAnswers)
#   --es behaviour <b>        "stored" | "error: <why>"              (RigImsService#applyBehaviour)
#   --es feature-state <S>    "updated" | "stored" | "error: <why>"  (RigImsService#applyFeatureState)
#   none of them              "error: no crash, features, behaviour or feature-state extra"
#
# With several extras the first of crash, features, behaviour, feature-state wins. The outcome is
# the broadcast's result data: `am broadcast` sends an ordered broadcast and prints
# `Broadcast completed: result=0, data="updated"`. It runs in the app's (default) process, with
# the services, so it reaches them through RigImsService's statics.

.class public Lorg/imsrig/ims/ControlReceiver;
.super Landroid/content/BroadcastReceiver;
.source "ControlReceiver.smali"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Landroid/content/BroadcastReceiver;-><init>()V
    return-void
.end method


.method public onReceive(Landroid/content/Context;Landroid/content/Intent;)V
    .locals 3

    const-string v0, "crash"
    const/4 v1, 0x0
    invoke-virtual {p2, v0, v1}, Landroid/content/Intent;->getBooleanExtra(Ljava/lang/String;Z)Z
    move-result v0
    if-eqz v0, :no_crash
    # The result has to leave before the process does: finish the broadcast first (goAsync ->
    # PendingResult#finish sends it to ActivityManager), then die.
    const-string v0, "control: crash, killing own process"
    const-string v1, ""
    invoke-static {v0, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    invoke-virtual {p0}, Landroid/content/BroadcastReceiver;->goAsync()Landroid/content/BroadcastReceiver$PendingResult;
    move-result-object v0
    const-string v1, "killed"
    invoke-virtual {v0, v1}, Landroid/content/BroadcastReceiver$PendingResult;->setResultData(Ljava/lang/String;)V
    invoke-virtual {v0}, Landroid/content/BroadcastReceiver$PendingResult;->finish()V
    invoke-static {}, Landroid/os/Process;->myPid()I
    move-result v0
    invoke-static {v0}, Landroid/os/Process;->killProcess(I)V
    return-void

    :no_crash
    const-string v0, "features"
    invoke-virtual {p2, v0}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :no_features
    invoke-static {v0}, Lorg/imsrig/ims/RigImsService;->applyAnswers(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v1
    goto :reply

    :no_features
    const-string v0, "behaviour"
    invoke-virtual {p2, v0}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :no_behaviour
    invoke-static {p1, v0}, Lorg/imsrig/ims/RigImsService;->applyBehaviour(Landroid/content/Context;Ljava/lang/String;)Ljava/lang/String;
    move-result-object v1
    goto :reply

    :no_behaviour
    const-string v0, "feature-state"
    invoke-virtual {p2, v0}, Landroid/content/Intent;->getStringExtra(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v0
    if-eqz v0, :nothing
    invoke-static {v0}, Lorg/imsrig/ims/RigImsService;->applyFeatureState(Ljava/lang/String;)Ljava/lang/String;
    move-result-object v1
    goto :reply

    :nothing
    const-string v1, "error: no crash, features, behaviour or feature-state extra"

    :reply
    const-string v2, "control: "
    invoke-static {v2, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    invoke-virtual {p0, v1}, Landroid/content/BroadcastReceiver;->setResultData(Ljava/lang/String;)V
    return-void
.end method
