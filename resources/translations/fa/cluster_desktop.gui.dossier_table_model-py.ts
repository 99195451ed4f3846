<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DossierTableModel</name>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>County</source>
        <translation>شهرستان</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>استان</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>امتیاز</translation>
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
        <source>Nominated on</source>
        <translation>تاریخ معرفی</translation>
    </message>
</context>
</TS>