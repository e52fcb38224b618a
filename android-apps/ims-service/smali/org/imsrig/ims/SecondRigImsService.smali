# SecondRigImsService: a second ImsService class, for a package that declares two ImsService
# components (ImsResolver keys its cache by package: reference aosp-imsresolver.md 1.8 quirk 9).
# It behaves exactly as RigImsService; it reads the meta-data of its own <service> element
# because RigImsService#meta looks itself up by getClass().

.class public Lorg/imsrig/ims/SecondRigImsService;
.super Lorg/imsrig/ims/RigImsService;
.source "SecondRigImsService.smali"


.method public constructor <init>()V
    .locals 0
    invoke-direct {p0}, Lorg/imsrig/ims/RigImsService;-><init>()V
    return-void
.end method
