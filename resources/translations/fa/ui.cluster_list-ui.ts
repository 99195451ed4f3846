<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ClusterListView</name>
    <message>
        <source>Clusters and nominations</source>
        <translation>خوشه‌ها و معرفی‌ها</translation>
    </message>
    <message>
        <source>Search: name, county, product or HS code…</source>
        <translation>جستجو: نام، شهرستان، محصول یا کد تعرفه…</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>استان:</translation>
    </message>
    <message>
        <source>HS code:</source>
        <translation>کد تعرفه:</translation>
    </message>
    <message>
        <source>e.g. 0806</source>
        <translation>مثلاً ۰۸۰۶</translation>
    </message>
    <message>
        <source>New cluster…</source>
        <translation>خوشهٔ جدید…</translation>
    </message>
    <message>
        <source>Double-click a row or press Enter to open its dossier.</source>
        <translation>برای باز کردن پرونده روی سطر دوبار کلیک کنید یا Enter را بزنید.</translation>
    </message>
    <message>
        <source>Print ranking…</source>
        <translation>چاپ رتبه‌بندی…</translation>
    </message>
    <message>
        <source>Open dossier</source>
        <translation>باز کردن پرونده</translation>
    </message>
</context>
</TS>