<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DatabankView</name>
    <message>
        <source>Export-cluster databank</source>
        <translation>بانک اطلاعات خوشه‌های صادرات‌گرا</translation>
    </message>
    <message>
        <source>The databank of export-oriented clusters (F7): clusters finally approved by the central working group are registered here with their products, province and exports. Export it as CSV or Excel for other agencies.</source>
        <translation>بانک اطلاعات خوشه‌های صادرات‌گرا (F7): خوشه‌هایی که کارگروه مرکز تأیید نهایی کرده است با محصولات، استان و صادراتشان این‌جا ثبت می‌شوند. برای دستگاه‌های دیگر خروجی CSV یا اکسل بگیرید.</translation>
    </message>
    <message>
        <source>Finally approved, waiting to be registered</source>
        <translation>تأیید نهایی‌شده، در انتظار ثبت</translation>
    </message>
    <message>
        <source>Register in the databank</source>
        <translation>ثبت در بانک اطلاعات</translation>
    </message>
    <message>
        <source>Search name, county, product or registry number</source>
        <translation>جستجوی نام، شهرستان، محصول یا شمارهٔ ثبت</translation>
    </message>
    <message>
        <source>HS code prefix</source>
        <translation>آغاز کد تعرفه</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>خروجی CSV…</translation>
    </message>
    <message>
        <source>Export Excel (XLSX)…</source>
        <translation>خروجی اکسل (XLSX)…</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>باز کردن پرونده</translation>
    </message>
</context>
</TS>