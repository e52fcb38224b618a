# RigMmTelFeature: the MmTel feature RigImsService creates. It puts itself in the state the
# service asks for (ims-rig.feature-state, READY by default) with ImsFeature#setFeatureState
# (public final @SystemApi, API 30+), as CTS's test features do in their constructors: a feature
# that is never set stays STATE_UNAVAILABLE, and the framework then never sees IMS as ready.
# ImsFeature#addImsFeatureStatusCallback reports the current state to every callback the
# framework adds later, so setting it before the feature is handed out is enough.

.class public Lorg/imsrig/ims/RigMmTelFeature;
.super Landroid/telephony/ims/feature/MmTelFeature;
.source "RigMmTelFeature.smali"


# (int state): ImsFeature.STATE_UNAVAILABLE 0 | STATE_INITIALIZING 1 | STATE_READY 2
.method public constructor <init>(I)V
    .locals 0
    invoke-direct {p0}, Landroid/telephony/ims/feature/MmTelFeature;-><init>()V
    invoke-virtual {p0, p1}, Landroid/telephony/ims/feature/ImsFeature;->setFeatureState(I)V
    invoke-static {p0}, Lorg/imsrig/ims/RigImsService;->track(Landroid/telephony/ims/feature/ImsFeature;)V
    return-void
.end method
