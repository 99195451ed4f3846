<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>BackupActions</name>
    <message>
        <source>Where to save the backup</source>
        <translation>پوشهٔ ذخیرهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>The backup of the whole office (data and attachments) was saved and checked:
%1</source>
        <translation>پشتیبان کامل دفتر (داده‌ها و پیوست‌ها) ذخیره و بررسی شد:
%1</translation>
    </message>
    <message>
        <source>Backing the office up…</source>
        <translation>در حال پشتیبان‌گیری از دفتر…</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>پشتیبانی را برای بازگردانی انتخاب کنید</translation>
    </message>
    <message>
        <source>Cluster Desktop backups (%1)</source>
        <translation>پشتیبان‌های میزکار خوشه (%1)</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>در حال بررسی پشتیبان…</translation>
    </message>
    <message>
        <source>The data as it was before is kept in:
%1</source>
        <translation>داده‌ها به همان شکلی که پیش از این بود در این پرونده نگه داشته شد:
%1</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <source>The office was restored from the backup.</source>
        <translation>دفتر از پشتیبان بازگردانده شد.</translation>
    </message>
    <message>
        <source>The program now returns to the login screen to open the restored data.</source>
        <translation>برنامه اکنون به صفحهٔ ورود بازمی‌گردد تا داده‌های بازگردانده را باز کند.</translation>
    </message>
    <message>
        <source>Restoring the office…</source>
        <translation>در حال بازگردانی دفتر…</translation>
    </message>
    <message>
        <source>The backup was cancelled.</source>
        <translation>پشتیبان‌گیری لغو شد.</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>Checking the backup…</source>
        <translation>در حال بررسی پشتیبان…</translation>
    </message>
    <message>
        <source>Keeping a copy of the current data…</source>
        <translation>در حال نگه‌داشتن نسخه‌ای از داده‌های کنونی…</translation>
    </message>
    <message>
        <source>Copying the database…</source>
        <translation>در حال رونوشت‌برداری از پایگاه داده…</translation>
    </message>
    <message>
        <source>Checking every table…</source>
        <translation>در حال بررسی همهٔ جدول‌ها…</translation>
    </message>
    <message>
        <source>Copying the attachments…</source>
        <translation>در حال رونوشت‌برداری از پیوست‌ها…</translation>
    </message>
    <message>
        <source>Daily backup of the office…</source>
        <translation>پشتیبان‌گیری روزانه از دفتر…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>رد شدن</translation>
    </message>
    <message>
        <source>Cluster Desktop</source>
        <translation>میزکار خوشه</translation>
    </message>
</context>
</TS>
