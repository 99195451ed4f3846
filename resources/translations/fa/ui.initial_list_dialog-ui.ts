<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>InitialListDialog</name>
    <message>
        <source>Add a cluster to the centre's initial list</source>
        <translation>افزودن خوشه به لیست اولیهٔ مرکز</translation>
    </message>
    <message>
        <source>A national priority cluster (F3), e.g. from ISIPO's national cluster map. Its dossier is opened at the centre and the province is asked to complete its feasibility plan.</source>
        <translation>خوشهٔ دارای اولویت ملی (F3)، برای نمونه از نقشهٔ ملی خوشه‌های سازمان صنایع کوچک. پروندهٔ آن در مرکز گشوده می‌شود و از استان خواسته می‌شود طرح توجیهی آن را تکمیل کند.</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>Cluster name</source>
        <translation>نام خوشه</translation>
    </message>
    <message>
        <source>County</source>
        <translation>شهرستان</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>رشته فعالیت</translation>
    </message>
    <message>
        <source>Main product (HS code and name)</source>
        <translation>محصول اصلی (کد تعرفه و نام)</translation>
    </message>
    <message>
        <source>Why (national priority)</source>
        <translation>دلیل (اولویت ملی)</translation>
    </message>
    <message>
        <source>Ask the province now to complete the feasibility plan</source>
        <translation>هم‌اکنون از استان تکمیل طرح توجیهی خواسته شود</translation>
    </message>
</context>
</TS>