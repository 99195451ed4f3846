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
        <source>&amp;Verify a license…</source>
        <translation>&amp;بررسی اصالت پروانه…</translation>
    </message>
    <message>
        <source>Check a printed license offline: paste its QR code text or open its PDF.</source>
        <translation>بررسی برون‌خط اصالت پروانهٔ چاپ‌شده: متن رمزینهٔ QR آن را وارد کنید یا PDF آن را باز کنید.</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <source>About Cluster Desktop</source>
        <translation>دربارهٔ میزکار خوشه</translation>
    </message>
    <message>
        <source>Cluster Desktop %1
Export-oriented cluster development programme
Trade Promotion Organization of Iran</source>
        <translation>میزکار خوشه، نسخهٔ %1
برنامهٔ توسعهٔ خوشه‌های صادرات‌گرا
سازمان توسعه تجارت ایران</translation>
    </message>
</context>
</TS>