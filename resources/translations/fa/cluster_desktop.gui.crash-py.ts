<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
    <message>
        <source>The program met an error it did not expect, and the last action may not have finished. Nothing was saved half-way: each change is saved whole or not at all.

What happened: %1</source>
        <translation>برنامه به خطایی برخورد که انتظارش را نداشت و ممکن است آخرین کار انجام نشده باشد. هیچ چیز نیمه‌کاره ذخیره نشده است: هر تغییر یا کامل ذخیره می‌شود یا اصلاً ذخیره نمی‌شود.

چه رخ داد: %1</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>جزئیات در پروندهٔ گزارش رویدادها آمده است:
%1</translation>
    </message>
    <message>
        <source>This program has no log file (its data folder cannot be written).</source>
        <translation>این برنامه پروندهٔ گزارش رویدادها ندارد (در پوشهٔ داده نمی‌توان نوشت).</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>رونوشت جزئیات</translation>
    </message>
    <message>
        <source>Open the log folder</source>
        <translation>باز کردن پوشهٔ گزارش‌ها</translation>
    </message>
    <message>
        <source>Quit the program</source>
        <translation>خروج از برنامه</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>رونوشت برداشته شد</translation>
    </message>
</context>
</TS>