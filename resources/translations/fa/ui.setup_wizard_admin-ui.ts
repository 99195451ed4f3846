<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>SetupAdminPage</name>
    <message>
        <source>Administrator</source>
        <translation>مدیر سامانه</translation>
    </message>
    <message>
        <source>The first user is the system administrator: they create the other users and hold the office keys. Keep the password safe; without it the keys cannot be opened.</source>
        <translation>نخستین کاربر، مدیر سامانه است: کاربران دیگر را تعریف می‌کند و کلیدهای دفتر را در اختیار دارد. گذرواژه را نگه دارید؛ بدون آن کلیدها باز نمی‌شوند.</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
</context>
</TS>