<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <source>Dossiers by state</source>
        <translation>پرونده‌ها بر حسب وضعیت</translation>
    </message>
    <message>
        <source>Double-click a state to list its dossiers.</source>
        <translation>برای دیدن پرونده‌های هر وضعیت، روی آن دوبار کلیک کنید.</translation>
    </message>
    <message>
        <source>What waits for whom</source>
        <translation>چه کاری منتظر کیست؟</translation>
    </message>
    <message>
        <source>Recent activity</source>
        <translation>فعالیت‌های اخیر</translation>
    </message>
</context>
</TS>