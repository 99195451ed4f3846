<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ClusterListView</name>
    <message>
        <source>All states</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>همهٔ استان‌ها</translation>
    </message>
    <message>
        <source>Preview and print the province's ranking report.</source>
        <translation>پیش‌نمایش و چاپ گزارش رتبه‌بندی استان.</translation>
    </message>
    <message>
        <source>Preview and print the ranking report of %1.</source>
        <translation>پیش‌نمایش و چاپ گزارش رتبه‌بندی %1.</translation>
    </message>
    <message>
        <source>Preview and print the national ranking report.</source>
        <translation>پیش‌نمایش و چاپ گزارش رتبه‌بندی کشوری.</translation>
    </message>
    <message>
        <source>%1 dossiers</source>
        <translation>%1 پرونده</translation>
    </message>
</context>
</TS>