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
        <source>Selected user</source>
        <translation>کاربر انتخاب‌شده</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>مشخصات</translation>
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
        <source>Save changes</source>
        <translation>ذخیرهٔ تغییرات</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>گذرواژهٔ تازه</translation>
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
        <source>Set the new password</source>
        <translation>ثبت گذرواژهٔ تازه</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>فعال کردن دوباره</translation>
    </message>
    <message>
        <source>Unlock the account</source>
        <translation>باز کردن قفل حساب</translation>
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
        <source>Lock the session after</source>
        <translation>قفل شدن برنامه پس از</translation>
    </message>
    <message>
        <source>minutes idle (0 = never)</source>
        <translation>دقیقه بی‌کاری (۰ = هرگز)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
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