<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LicenseIssueDialog</name>
    <message>
        <source>Issue the cluster approval license</source>
        <translation>صدور پروانهٔ تأیید خوشه</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>اعتبار تا</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>شرایط</translation>
    </message>
    <message>
        <source>The license is signed with the centre's key; your password is asked to unlock it.</source>
        <translation>پروانه با کلید مرکز امضا می‌شود؛ برای باز کردن کلید، گذرواژهٔ شما پرسیده می‌شود.</translation>
    </message>
</context>
</TS>