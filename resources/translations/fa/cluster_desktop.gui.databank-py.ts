<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DatabankView</name>
    <message>
        <source>valid</source>
        <translation>معتبر</translation>
    </message>
    <message>
        <source>suspended</source>
        <translation>تعلیق‌شده</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ابطال‌شده</translation>
    </message>
    <message>
        <source>Registry number</source>
        <translation>شمارهٔ ثبت</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>County</source>
        <translation>شهرستان</translation>
    </message>
    <message>
        <source>Products (HS)</source>
        <translation>محصولات (کد تعرفه)</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>شاغلان</translation>
    </message>
    <message>
        <source>Exports (USD)</source>
        <translation>صادرات (دلار)</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
    </message>
    <message>
        <source>License</source>
        <translation>پروانه</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
    <message>
        <source>%1 registered clusters</source>
        <translation>%1 خوشهٔ ثبت‌شده</translation>
    </message>
    <message>
        <source>(central score %1)</source>
        <translation>(امتیاز مرکز %1)</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>ثبت شد</translation>
    </message>
    <message>
        <source>Registered in the databank as %1.</source>
        <translation>با شمارهٔ %1 در بانک اطلاعات ثبت شد.</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های اکسل (*.xlsx)</translation>
    </message>
    <message>
        <source>Export the databank</source>
        <translation>خروجی بانک اطلاعات</translation>
    </message>
    <message>
        <source>Databank exported</source>
        <translation>خروجی بانک اطلاعات ساخته شد</translation>
    </message>
    <message>
        <source>%1 clusters written to %2.</source>
        <translation>%1 خوشه در %2 نوشته شد.</translation>
    </message>
    <message>
        <source>Exporting the databank…</source>
        <translation>در حال خروجی گرفتن از بانک اطلاعات…</translation>
    </message>
</context>
</TS>