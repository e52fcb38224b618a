# Answers: reads the rig's `ims-rig.answers` grammar into an ImsFeatureConfiguration.
#
#   value   := 'none' | '' | entry (';' entry)*        (the whole value trimmed)
#   entry   := slot '=' list                           (an empty entry, e.g. "0=MMTEL;", is skipped)
#   slot    := '0' | '1'                               (trimmed)
#   list    := 'none' | '' | name (',' name)*          (trimmed; each name trimmed)
#   name    := 'EMERGENCY_MMTEL' | 'MMTEL' | 'RCS'     (ImsFeature.FEATURE_EMERGENCY_MMTEL = 0,
#                                                       FEATURE_MMTEL = 1, FEATURE_RCS = 2)
#
# "Trimmed" is java.lang.String#trim (characters <= U+0020). Names are case-sensitive.
# One semantics for malformed input, shared with the reference device
# (virtual-device/apps/answers.ts, cross-checked by virtual-device/apps/__tests__/rig-app-dex.test.ts):
# a value with any malformed entry (no '=', a slot other than 0 or 1, a numeric
# feature id, an unknown or lower-case name) is rejected WHOLE. The first error
# found scanning left to right is the message. A rejected manifest value makes the
# service answer no features (and log why); a rejected control-broadcast value
# changes nothing and is returned as "error: <message>".
#
# Java equivalent:
#   static String addTo(String value, ImsFeatureConfiguration.Builder b)   // null = valid
#   static ImsFeatureConfiguration parse(String value)                     // rejected -> empty
#   static String check(String value)                                      // null = valid

.class final Lorg/imsrig/ims/Answers;
.super Ljava/lang/Object;
.source "Answers.smali"


.method private constructor <init>()V
    .locals 0
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method


# static int slotId(String trimmed): 0 or 1, -1 for anything else.
.method static slotId(Ljava/lang/String;)I
    .locals 1
    const-string v0, "0"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_zero
    const/4 v0, 0x0
    return v0

    :not_zero
    const-string v0, "1"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_one
    const/4 v0, 0x1
    return v0

    :not_one
    const/4 v0, -0x1
    return v0
.end method


# static int featureId(String trimmed): the ImsFeature number of a name, -1 for anything else
# (numbers included: the grammar has names only).
.method static featureId(Ljava/lang/String;)I
    .locals 1
    const-string v0, "EMERGENCY_MMTEL"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_emergency
    const/4 v0, 0x0                 # ImsFeature.FEATURE_EMERGENCY_MMTEL
    return v0

    :not_emergency
    const-string v0, "MMTEL"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :not_mmtel
    const/4 v0, 0x1                 # ImsFeature.FEATURE_MMTEL
    return v0

    :not_mmtel
    const-string v0, "RCS"
    invoke-virtual {v0, p0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v0
    if-eqz v0, :unknown
    const/4 v0, 0x2                 # ImsFeature.FEATURE_RCS
    return v0

    :unknown
    const/4 v0, -0x1
    return v0
.end method


# static String addTo(String value, Builder b): adds every (slot, feature) of `value` to `b`;
# returns null when the value is valid (null counts as "no features"), else the first error.
# After an error `b` may hold part of the value: callers discard it.
.method static addTo(Ljava/lang/String;Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;)Ljava/lang/String;
    .locals 10
    # v0 entries, v1 entry count, v2 entry index, v3 entry, v4 scratch int, v5 slot,
    # v6 names, v7 name count, v8 name index, v9 name

    if-eqz p0, :valid
    invoke-virtual {p0}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v0
    invoke-virtual {v0}, Ljava/lang/String;->isEmpty()Z
    move-result v1
    if-nez v1, :valid
    const-string v1, "none"
    invoke-virtual {v1, v0}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v1
    if-nez v1, :valid

    # entries = value.split(";", -1): -1 keeps trailing empty entries, which are skipped below
    const-string v1, ";"
    const/4 v2, -0x1
    invoke-virtual {v0, v1, v2}, Ljava/lang/String;->split(Ljava/lang/String;I)[Ljava/lang/String;
    move-result-object v0
    array-length v1, v0
    const/4 v2, 0x0

    :next_entry
    if-ge v2, v1, :valid
    aget-object v3, v0, v2
    add-int/lit8 v2, v2, 0x1
    invoke-virtual {v3}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v3
    invoke-virtual {v3}, Ljava/lang/String;->isEmpty()Z
    move-result v4
    if-nez v4, :next_entry

    # slot = slotId(entry.substring(0, entry.indexOf('=')).trim())
    const/16 v4, 0x3d               # '='
    invoke-virtual {v3, v4}, Ljava/lang/String;->indexOf(I)I
    move-result v4
    if-ltz v4, :bad_entry
    const/4 v5, 0x0
    invoke-virtual {v3, v5, v4}, Ljava/lang/String;->substring(II)Ljava/lang/String;
    move-result-object v5
    invoke-virtual {v5}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v5
    invoke-static {v5}, Lorg/imsrig/ims/Answers;->slotId(Ljava/lang/String;)I
    move-result v5
    if-ltz v5, :bad_entry

    # list = entry.substring(eq + 1).trim(); "" or "none" adds nothing for this slot
    add-int/lit8 v4, v4, 0x1
    invoke-virtual {v3, v4}, Ljava/lang/String;->substring(I)Ljava/lang/String;
    move-result-object v6
    invoke-virtual {v6}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v6
    invoke-virtual {v6}, Ljava/lang/String;->isEmpty()Z
    move-result v7
    if-nez v7, :next_entry
    const-string v7, "none"
    invoke-virtual {v7, v6}, Ljava/lang/String;->equals(Ljava/lang/Object;)Z
    move-result v7
    if-nez v7, :next_entry

    const-string v7, ","
    const/4 v8, -0x1
    invoke-virtual {v6, v7, v8}, Ljava/lang/String;->split(Ljava/lang/String;I)[Ljava/lang/String;
    move-result-object v6
    array-length v7, v6
    const/4 v8, 0x0

    :next_name
    if-ge v8, v7, :next_entry
    aget-object v9, v6, v8
    add-int/lit8 v8, v8, 0x1
    invoke-virtual {v9}, Ljava/lang/String;->trim()Ljava/lang/String;
    move-result-object v9
    invoke-static {v9}, Lorg/imsrig/ims/Answers;->featureId(Ljava/lang/String;)I
    move-result v4
    if-ltz v4, :unknown_feature
    # ImsFeatureConfiguration.Builder#addFeature(int slotId, int featureType) (SystemApi, API 30+);
    # the configuration is a set, so a repeated pair counts once.
    invoke-virtual {p1, v5, v4}, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;->addFeature(II)Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;
    goto :next_name

    :valid
    const/4 v0, 0x0
    return-object v0

    :bad_entry
    new-instance v0, Ljava/lang/StringBuilder;
    const-string v1, "bad slot entry \""
    invoke-direct {v0, v1}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, v3}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, "\" (expected <slot>=<features>, slot 0 or 1)"
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0

    :unknown_feature
    new-instance v0, Ljava/lang/StringBuilder;
    const-string v1, "unknown feature \""
    invoke-direct {v0, v1}, Ljava/lang/StringBuilder;-><init>(Ljava/lang/String;)V
    invoke-virtual {v0, v9}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    const-string v1, "\" (expected EMERGENCY_MMTEL, MMTEL or RCS)"
    invoke-virtual {v0, v1}, Ljava/lang/StringBuilder;->append(Ljava/lang/String;)Ljava/lang/StringBuilder;
    invoke-virtual {v0}, Ljava/lang/StringBuilder;->toString()Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# static String check(String value): null when valid, else the first error.
.method static check(Ljava/lang/String;)Ljava/lang/String;
    .locals 1
    new-instance v0, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;
    invoke-direct {v0}, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;-><init>()V
    invoke-static {p0, v0}, Lorg/imsrig/ims/Answers;->addTo(Ljava/lang/String;Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;)Ljava/lang/String;
    move-result-object v0
    return-object v0
.end method


# static ImsFeatureConfiguration parse(String value): the configuration; a rejected value
# gives an empty one (no features), logged with the reason.
.method static parse(Ljava/lang/String;)Landroid/telephony/ims/stub/ImsFeatureConfiguration;
    .locals 3
    new-instance v0, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;
    invoke-direct {v0}, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;-><init>()V
    invoke-static {p0, v0}, Lorg/imsrig/ims/Answers;->addTo(Ljava/lang/String;Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;)Ljava/lang/String;
    move-result-object v1
    if-eqz v1, :build
    const-string v2, "answers rejected, answering no features: "
    invoke-static {v2, v1}, Lorg/imsrig/ims/RigImsService;->log(Ljava/lang/String;Ljava/lang/Object;)V
    new-instance v0, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;
    invoke-direct {v0}, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;-><init>()V

    :build
    invoke-virtual {v0}, Landroid/telephony/ims/stub/ImsFeatureConfiguration$Builder;->build()Landroid/telephony/ims/stub/ImsFeatureConfiguration;
    move-result-object v0
    return-object v0
.end method
