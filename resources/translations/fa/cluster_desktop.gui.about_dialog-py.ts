<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Cluster Desktop</source>
        <translation>دربارهٔ میزکار خوشه</translation>
    </message>
    <message>
        <source>Cluster Desktop — export-oriented cluster development programme</source>
        <translation>میزکار خوشه — برنامهٔ توسعهٔ خوشه‌های صادرات‌گرا</translation>
    </message>
    <message>
        <source>Trade Promotion Organization of Iran</source>
        <translation>سازمان توسعه تجارت ایران</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>رونوشت برداشته شد</translation>
    </message>
    <message>
        <source>Reading versions…</source>
        <translation>در حال خواندن نسخه‌ها…</translation>
    </message>
</context>
</TS>