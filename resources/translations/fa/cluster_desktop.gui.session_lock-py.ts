<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>LockScreen</name>
    <message>
        <source>Cluster Desktop is locked</source>
        <translation>میزکار خوشه قفل است</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2), %3</source>
        <translation>کاربر واردشده: %1 (%2)، %3</translation>
    </message>
    <message>
        <source>The program was locked after a while without use. Enter your password to go on.</source>
        <translation>برنامه پس از مدتی بی‌کاری قفل شد. برای ادامه، گذرواژهٔ خود را وارد کنید.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <source>Log out / switch user</source>
        <translation>خروج از حساب / ورود کاربر دیگر</translation>
    </message>
    <message>
        <source>Checking the password…</source>
        <translation>در حال بررسی گذرواژه…</translation>
    </message>
</context>
<context>
    <name>SessionLock</name>
    <message>
        <source>Your account was changed meanwhile. Log in again, please.</source>
        <translation>در این فاصله حساب شما تغییر کرده است. لطفاً دوباره وارد شوید.</translation>
    </message>
</context>
</TS>