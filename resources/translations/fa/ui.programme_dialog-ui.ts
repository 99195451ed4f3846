<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fa_IR">
<context>
    <name>ProgrammeDialog</name>
    <message>
        <source>Development programme</source>
        <translation>طرح توسعه‌ای</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>خوشه</translation>
    </message>
    <message>
        <source>Title of the programme</source>
        <translation>عنوان طرح</translation>
    </message>
    <message>
        <source>Proposer</source>
        <translation>پیشنهاددهنده</translation>
    </message>
    <message>
        <source>Kind of proposer</source>
        <translation>نوع پیشنهاددهنده</translation>
    </message>
    <message>
        <source>National code or national identifier</source>
        <translation>کد ملی یا شناسهٔ ملی</translation>
    </message>
    <message>
        <source>Registration number (legal person)</source>
        <translation>شمارهٔ ثبت (شخص حقوقی)</translation>
    </message>
    <message>
        <source>Telephone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>تاریخ دریافت</translation>
    </message>
    <message>
        <source>Budget asked for (rial)</source>
        <translation>اعتبار موردنیاز (ریال)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>شرح</translation>
    </message>
</context>
</TS>