<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ClusterForm</name>
    <message>
        <source>Cluster profile</source>
        <translation>مشخصات خوشه</translation>
    </message>
    <message>
        <source>A new cluster: its dossier opens as a draft once the profile is saved.</source>
        <translation>خوشهٔ جدید: با ذخیرهٔ مشخصات، پرونده‌اش به صورت پیش‌نویس باز می‌شود.</translation>
    </message>
    <message>
        <source>Last saved %1</source>
        <translation>آخرین ذخیره: %1</translation>
    </message>
    <message>
        <source>Similar clusters</source>
        <translation>خوشه‌های مشابه</translation>
    </message>
    <message>
        <source>Clusters with similar names are already recorded in this province:
%1

Is this a different cluster? Record it anyway?</source>
        <translation>خوشه‌هایی با نام مشابه پیش‌تر در این استان ثبت شده‌اند:
%1

آیا این خوشه با آن‌ها فرق دارد؟ با این حال ثبت شود؟</translation>
    </message>
    <message>
        <source>The cluster profile</source>
        <translation>مشخصات خوشه</translation>
    </message>
</context>
<context>
    <name>NewClusterDialog</name>
    <message>
        <source>New cluster</source>
        <translation>خوشهٔ جدید</translation>
    </message>
</context>
</TS>