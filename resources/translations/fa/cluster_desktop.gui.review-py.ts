<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ReviewView</name>
    <message>
        <source>not started</source>
        <translation>آغاز نشده</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>پیش‌نویس</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>ارسال‌شده</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Provincial score</source>
        <translation>امتیاز استانی</translation>
    </message>
    <message>
        <source>Central score</source>
        <translation>امتیاز مرکز</translation>
    </message>
    <message>
        <source>Sheets submitted</source>
        <translation>برگه‌های ارسال‌شده</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 از %2</translation>
    </message>
    <message>
        <source>My sheet</source>
        <translation>برگهٔ من</translation>
    </message>
    <message>
        <source>Waiting since</source>
        <translation>در انتظار از</translation>
    </message>
    <message>
        <source>%1 dossiers wait for the central working group: %2 received, %3 in secondary review.</source>
        <translation>%1 پرونده در انتظار کارگروه مرکز است: %2 دریافت‌شده و %3 در بررسی ثانویه.</translation>
    </message>
</context>
</TS>