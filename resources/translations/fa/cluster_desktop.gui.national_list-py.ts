<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>InitialListDialog</name>
    <message>
        <source>Add a cluster to the centre's initial list</source>
        <translation>افزودن خوشه به لیست اولیهٔ مرکز</translation>
    </message>
    <message>
        <source>— choose the province —</source>
        <translation>— استان را انتخاب کنید —</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
</context>
<context>
    <name>NationalListView</name>
    <message>
        <source>National rank</source>
        <translation>رتبهٔ ملی</translation>
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
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Provincial score</source>
        <translation>امتیاز استانی</translation>
    </message>
    <message>
        <source>Central score</source>
        <translation>امتیاز مرکز</translation>
    </message>
    <message>
        <source>Exports (USD)</source>
        <translation>صادرات (دلار)</translation>
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
        <source>All states</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Preview and print the ranking report of %1.</source>
        <translation>پیش‌نمایش و چاپ گزارش رتبه‌بندی %1.</translation>
    </message>
    <message>
        <source>the whole country</source>
        <translation>کل کشور</translation>
    </message>
    <message>
        <source>%1 dossiers</source>
        <translation>%1 پرونده</translation>
    </message>
</context>
</TS>