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
        <source>Active</source>
        <translation>وضعیت</translation>
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
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>Reading the users…</source>
        <translation>در حال خواندن کاربران…</translation>
    </message>
    <message>
        <source>active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>غیرفعال</translation>
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
        <source>Choose a user in the table to change them.</source>
        <translation>برای تغییر یک کاربر، او را در جدول انتخاب کنید.</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>قفل تا %1</translation>
    </message>
    <message>
        <source>deactivated: cannot log in</source>
        <translation>غیرفعال: نمی‌تواند وارد شود</translation>
    </message>
    <message>
        <source>Change your own password in File › Change my password.</source>
        <translation>گذرواژهٔ خودتان را از «پرونده › تغییر گذرواژهٔ من» عوض کنید.</translation>
    </message>
    <message>
        <source>This role holds the office keys: set a new password for the user in “New password” and give your own, then save the changes. Tell the user the new password.</source>
        <translation>این نقش کلیدهای دفتر را در دست دارد: در «گذرواژهٔ تازه» گذرواژه‌ای تازه برای کاربر بگذارید و گذرواژهٔ خودتان را هم وارد کنید، سپس تغییرات را ذخیره کنید. گذرواژهٔ تازه را به خود کاربر بگویید.</translation>
    </message>
    <message>
        <source>This user holds the office keys: your own password re-wraps them under the new password.</source>
        <translation>این کاربر کلیدهای دفتر را در دست دارد: با گذرواژهٔ خودتان، کلیدها زیر گذرواژهٔ تازه دوباره بسته می‌شوند.</translation>
    </message>
    <message>
        <source>The user «%1» was created.</source>
        <translation>کاربر «%1» ساخته شد.</translation>
    </message>
    <message>
        <source>Creating the user…</source>
        <translation>در حال تعریف کاربر…</translation>
    </message>
    <message>
        <source>Saving the user…</source>
        <translation>در حال ذخیرهٔ کاربر…</translation>
    </message>
    <message>
        <source>«%1» has a new password. Tell it to them in person.</source>
        <translation>گذرواژهٔ تازهٔ «%1» ثبت شد. آن را حضوری به خودش بگویید.</translation>
    </message>
    <message>
        <source>Setting the new password…</source>
        <translation>در حال ثبت گذرواژهٔ تازه…</translation>
    </message>
    <message>
        <source>Deactivate «%1»? They can no longer log in; their history stays.</source>
        <translation>«%1» غیرفعال شود؟ دیگر نمی‌تواند وارد شود؛ سابقهٔ کارهایش می‌ماند.</translation>
    </message>
    <message>
        <source>Deactivating…</source>
        <translation>در حال غیرفعال کردن…</translation>
    </message>
    <message>
        <source>Reactivating…</source>
        <translation>در حال فعال کردن دوباره…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>در حال باز کردن قفل…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <source>The new user is not created yet. Close anyway?</source>
        <translation>کاربر تازه هنوز ساخته نشده است. با این حال بسته شود؟</translation>
    </message>
</context>
</TS>