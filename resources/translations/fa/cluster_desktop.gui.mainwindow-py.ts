<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>MainWindow</name>
    <message>
        <source>Cluster Desktop</source>
        <translation>میزکار خوشه</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>برنامه</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;نما</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>نوار ابزار اصلی</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;کاربران…</translation>
    </message>
    <message>
        <source>Secretariat &amp;details…</source>
        <translation>&amp;مشخصات دبیرخانه…</translation>
    </message>
    <message>
        <source>TPO &amp;liaisons of the provinces…</source>
        <translation>&amp;نمایندگان ارتباطی استان‌ها…</translation>
    </message>
    <message>
        <source>&amp;Backup…</source>
        <translation>&amp;پشتیبان‌گیری…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;بازگردانی از پشتیبان…</translation>
    </message>
    <message>
        <source>Only the administrator backs the office up and restores it.</source>
        <translation>پشتیبان‌گیری و بازگردانی دفتر فقط کار مدیر سامانه است.</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>تغییر &amp;گذرواژهٔ من…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;قفل کردن صفحه</translation>
    </message>
    <message>
        <source>Log &amp;out / switch user…</source>
        <translation>&amp;خروج از حساب / ورود کاربر دیگر…</translation>
    </message>
    <message>
        <source>&amp;Verify a license…</source>
        <translation>&amp;بررسی اصالت پروانه…</translation>
    </message>
    <message>
        <source>Check a printed license offline: paste its QR code text or open its PDF.</source>
        <translation>بررسی برون‌خط اصالت پروانهٔ چاپ‌شده: متن رمزینهٔ QR آن را وارد کنید یا PDF آن را باز کنید.</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <source>&amp;Close page</source>
        <translation>&amp;بستن صفحه</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;ویرایش</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;جست‌وجو</translation>
    </message>
    <message>
        <source>&amp;Help for this page</source>
        <translation>&amp;راهنمای این صفحه</translation>
    </message>
    <message>
        <source>About Cluster Desktop</source>
        <translation>دربارهٔ میزکار خوشه</translation>
    </message>
    <message>
        <source>Nothing to save on this page.</source>
        <translation>در این صفحه چیزی برای ذخیره نیست.</translation>
    </message>
    <message>
        <source>Nothing to print on this page.</source>
        <translation>در این صفحه چیزی برای چاپ نیست.</translation>
    </message>
    <message>
        <source>This page has no search field.</source>
        <translation>این صفحه کادر جست‌وجو ندارد.</translation>
    </message>
    <message>
        <source>This user cannot receive bundles.</source>
        <translation>این کاربر نمی‌تواند بستهٔ تبادل اطلاعات دریافت کند.</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>پایگاه داده: %1</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>خروج از حساب</translation>
    </message>
    <message>
        <source>Log out? Unsaved changes on the open pages will not be saved.</source>
        <translation>از حساب خارج می‌شوید؟ تغییرهای ذخیره‌نشدهٔ صفحه‌های باز ذخیره نمی‌شوند.</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Exit? Unsaved changes on the open pages will not be saved.</source>
        <translation>از برنامه خارج می‌شوید؟ تغییرهای ذخیره‌نشدهٔ صفحه‌های باز ذخیره نمی‌شوند.</translation>
    </message>
</context>
</TS>