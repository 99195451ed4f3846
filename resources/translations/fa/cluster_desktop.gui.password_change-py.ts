<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>گذرواژهٔ فعلی:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>New password again:</source>
        <translation>تکرار گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>If you hold the office keys, they stay usable with the new password.</source>
        <translation>اگر کلیدهای دفتر در دست شماست، با گذرواژهٔ تازه هم به کار می‌آیند.</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>گذرواژهٔ شما تغییر کرد.</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>در حال تغییر گذرواژه…</translation>
    </message>
</context>
</TS>