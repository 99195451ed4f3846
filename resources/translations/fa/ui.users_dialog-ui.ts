<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>کاربر تازه</translation>
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
        <source>Role:</source>
        <translation>نقش:</translation>
    </message>
    <message>
        <source>Working-group member:</source>
        <translation>عضو کارگروه:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <source>Your own password:</source>
        <translation>گذرواژهٔ خودتان:</translation>
    </message>
    <message>
        <source>A secretary receives access to the office keys; your password unlocks them once.</source>
        <translation>دبیر کارگروه به کلیدهای دفتر دسترسی می‌گیرد؛ گذرواژهٔ شما یک بار آن‌ها را باز می‌کند.</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>ساخت کاربر</translation>
    </message>
</context>
</TS>