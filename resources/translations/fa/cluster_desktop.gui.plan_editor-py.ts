<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>PlanEditor</name>
    <message>
        <source>Feasibility plan</source>
        <translation>طرح توجیهی</translation>
    </message>
    <message>
        <source>The feasibility plan is written once the cluster is nominated.</source>
        <translation>طرح توجیهی پس از معرفی خوشه تهیه می‌شود.</translation>
    </message>
    <message>
        <source>Edits are kept as a draft automatically; save the plan when it is ready.</source>
        <translation>تغییرات خودکار به صورت پیش‌نویس نگه داشته می‌شوند؛ هر وقت طرح آماده شد آن را ذخیره کنید.</translation>
    </message>
    <message>
        <source>Submitted to the working group.</source>
        <translation>به کارگروه ارائه شده است.</translation>
    </message>
    <message>
        <source>Complete: ready to submit to the working group.</source>
        <translation>کامل است: آمادهٔ ارائه به کارگروه.</translation>
    </message>
    <message>
        <source>Not ready to submit: %1 of %2 parts missing.</source>
        <translation>آمادهٔ ارائه نیست: %1 بخش از %2 بخش کامل نشده است.</translation>
    </message>
    <message>
        <source>Draft kept at %1</source>
        <translation>پیش‌نویس در ساعت %1 نگه داشته شد</translation>
    </message>
    <message>
        <source>A draft of this plan kept automatically on %1 is newer than the saved plan. Restore it?</source>
        <translation>پیش‌نویسی از این طرح که در %1 خودکار نگه داشته شده از طرح ذخیره‌شده تازه‌تر است. بازیابی شود؟</translation>
    </message>
    <message>
        <source>Restore draft</source>
        <translation>بازیابی پیش‌نویس</translation>
    </message>
    <message>
        <source>The feasibility plan</source>
        <translation>طرح توجیهی</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 کیلوبایت</translation>
    </message>
    <message>
        <source>Attach a scan or document</source>
        <translation>پیوست کردن تصویر یا سند</translation>
    </message>
    <message>
        <source>Scans and documents (%1);;All files (*)</source>
        <translation>تصویرها و سندها (%1);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Storing the attachment…</source>
        <translation>در حال ذخیرهٔ پیوست…</translation>
    </message>
    <message>
        <source>Opening the attachment…</source>
        <translation>در حال باز کردن پیوست…</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>حذف پیوست</translation>
    </message>
    <message>
        <source>Remove the attachment «%1» from the dossier?</source>
        <translation>پیوست «%1» از پرونده حذف شود؟</translation>
    </message>
</context>
</TS>