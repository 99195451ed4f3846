<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DashboardView</name>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Dossiers</source>
        <translation>پرونده‌ها</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>گام بعدی</translation>
    </message>
    <message>
        <source>Done by</source>
        <translation>انجام‌دهنده</translation>
    </message>
    <message>
        <source>Responsible agencies (matrix)</source>
        <translation>دستگاه‌های مسئول (ماتریس وظایف)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>What</source>
        <translation>شرح</translation>
    </message>
    <message>
        <source>%1 dossiers in all</source>
        <translation>در مجموع %1 پرونده</translation>
    </message>
    <message>
        <source>(the matrix names none for this step)</source>
        <translation>(ماتریس وظایف برای این مرحله دستگاهی نام نبرده است)</translation>
    </message>
</context>
</TS>