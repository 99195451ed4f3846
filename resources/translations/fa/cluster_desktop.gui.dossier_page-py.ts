<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>DossierPage</name>
    <message>
        <source>Cluster profile</source>
        <translation>مشخصات خوشه</translation>
    </message>
    <message>
        <source>Feasibility plan</source>
        <translation>طرح توجیهی</translation>
    </message>
    <message>
        <source>My evaluation</source>
        <translation>ارزیابی من</translation>
    </message>
    <message>
        <source>Consolidated scores</source>
        <translation>جمع‌بندی امتیازها</translation>
    </message>
    <message>
        <source>Workflow and decisions</source>
        <translation>گردش کار و تصمیم‌ها</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>nominated %1</source>
        <translation>معرفی‌شده در %1</translation>
    </message>
    <message>
        <source>score: %1</source>
        <translation>امتیاز: %1</translation>
    </message>
</context>
</TS>