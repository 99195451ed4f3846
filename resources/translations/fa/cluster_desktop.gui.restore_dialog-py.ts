<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>RestoreConfirmDialog</name>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از پشتیبان</translation>
    </message>
    <message>
        <source>This backup holds:</source>
        <translation>این پشتیبان در بر دارد:</translation>
    </message>
    <message>
        <source>Office:</source>
        <translation>دفتر:</translation>
    </message>
    <message>
        <source>Made on:</source>
        <translation>زمان ساخت:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>برنامه:</translation>
    </message>
    <message>
        <source>version %1, database schema %2</source>
        <translation>نسخهٔ %1، ساختار پایگاه داده %2</translation>
    </message>
    <message>
        <source>Records:</source>
        <translation>رکوردها:</translation>
    </message>
    <message>
        <source>%1 rows in all</source>
        <translation>روی هم %1 ردیف</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>پیوست‌ها:</translation>
    </message>
    <message>
        <source>%1 files, %2</source>
        <translation>%1 پرونده، %2</translation>
    </message>
    <message>
        <source>Checked:</source>
        <translation>بررسی:</translation>
    </message>
    <message>
        <source>every file and table is intact</source>
        <translation>همهٔ پرونده‌ها و جدول‌ها سالم‌اند</translation>
    </message>
    <message>
        <source>Replace the data and restore</source>
        <translation>جایگزینی داده‌ها و بازگردانی</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1، ساعت %2</translation>
    </message>
    <message>
        <source>This data folder holds no office yet: the backup becomes its office.</source>
        <translation>این پوشهٔ داده هنوز دفتری ندارد: پشتیبان، دفتر آن می‌شود.</translation>
    </message>
    <message>
        <source>Every record and attachment of %1 on this computer will be replaced by the backup's. Changes made since the backup was taken are lost, except in the copy of the current data that is saved first in:</source>
        <translation>همهٔ رکوردها و پیوست‌های «%1» روی این رایانه با محتوای پشتیبان جایگزین می‌شوند. تغییرهایی که پس از ساخت این پشتیبان داده شده از دست می‌روند، جز در نسخه‌ای از داده‌های کنونی که پیش از آن در این پوشه ذخیره می‌شود:</translation>
    </message>
    <message>
        <source>The program then returns to the login screen.</source>
        <translation>سپس برنامه به صفحهٔ ورود بازمی‌گردد.</translation>
    </message>
</context>
<context>
    <name>restore_dialog</name>
    <message>
        <source>%1 MB</source>
        <translation>%1 مگابایت</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 کیلوبایت</translation>
    </message>
</context>
</TS>