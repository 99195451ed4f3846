<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>UsersDialog</name>
    <message>
        <source>Username</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>Working-group member</source>
        <translation>عضو کارگروه</translation>
    </message>
    <message>
        <source>Office keys</source>
        <translation>کلیدهای دفتر</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>قفل تا</translation>
    </message>
    <message>
        <source>Unlock the account</source>
        <translation>باز کردن قفل حساب</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>دارد</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— هیچ —</translation>
    </message>
    <message>
        <source>The user «%1» was created.</source>
        <translation>کاربر «%1» ساخته شد.</translation>
    </message>
    <message>
        <source>The new user is not created yet. Close anyway?</source>
        <translation>کاربر تازه هنوز ساخته نشده است. با این حال بسته شود؟</translation>
    </message>
</context>
</TS>