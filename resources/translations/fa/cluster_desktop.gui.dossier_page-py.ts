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
        <source>Nomination form</source>
        <translation>فرم معرفی خوشه</translation>
    </message>
    <message>
        <source>My evaluation sheet</source>
        <translation>برگهٔ ارزیابی من</translation>
    </message>
    <message>
        <source>All submitted evaluation sheets</source>
        <translation>همهٔ برگه‌های ارزیابی ارسال‌شده</translation>
    </message>
    <message>
        <source>Consolidated evaluation sheet</source>
        <translation>برگهٔ جمع‌بندی ارزیابی</translation>
    </message>
    <message>
        <source>Cluster approval license</source>
        <translation>پروانهٔ تأیید خوشه</translation>
    </message>
    <message>
        <source>nominated %1</source>
        <translation>معرفی‌شده در %1</translation>
    </message>
    <message>
        <source>score: %1</source>
        <translation>امتیاز: %1</translation>
    </message>
    <message>
        <source>Only working-group members have their own evaluation sheet.</source>
        <translation>فقط اعضای کارگروه برگهٔ ارزیابی خود را دارند.</translation>
    </message>
</context>
</TS>